package dev.candleflow.source.transport;

/** Where a connection delivers its frames; bounded, so it may refuse. */
public interface FrameSink {

    /**
     * Hands over one frame; may block briefly while the consumer catches up.
     *
     * @return false when the frame could not be taken (the buffer stayed full)
     */
    boolean offer(String splitId, String text, long receivedAtMicros);

    /** The connection gave up for good; the source should fail so Flink restarts it. */
    void failed(String splitId, Exception cause);
}
