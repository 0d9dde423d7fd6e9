package dev.candleflow.protocol;

/** What a venue's trade sequence numbers promise per instrument. */
public enum SequencePolicy {
    /** Each trade's sequence is the previous one plus one: gaps and duplicates are exact. */
    STRICT_INCREMENT,
    /** Sequences only grow: duplicates are exact, gaps cannot be told. */
    MONOTONIC,
    /** No usable sequence. */
    NONE
}
