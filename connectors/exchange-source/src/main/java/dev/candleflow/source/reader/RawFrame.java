package dev.candleflow.source.reader;

/** One text frame as received, tagged with its split. */
record RawFrame(String splitId, String text, long receivedAtMicros) {}
