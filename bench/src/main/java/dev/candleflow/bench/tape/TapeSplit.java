package dev.candleflow.bench.tape;

import org.apache.flink.api.connector.source.SourceSplit;

/** One tape segment to read, from a position on: the tape's counterpart of a venue connection. */
public final class TapeSplit implements SourceSplit {

    private final int index;
    private final int position;

    public TapeSplit(int index, int position) {
        this.index = index;
        this.position = position;
    }

    public int index() {
        return index;
    }

    /** The next frame to read. */
    public int position() {
        return position;
    }

    @Override
    public String splitId() {
        return "tape-" + index;
    }

    @Override
    public String toString() {
        return splitId() + "@" + position;
    }
}
