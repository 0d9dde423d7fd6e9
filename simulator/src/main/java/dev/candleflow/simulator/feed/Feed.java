package dev.candleflow.simulator.feed;

import java.time.Duration;
import java.util.OptionalLong;

/** A paced source of venue events (a generated market or a replayed capture) on its own thread. */
public interface Feed extends AutoCloseable {

    /** Starts producing; later calls do nothing. */
    void start();

    boolean isStarted();

    /** True once the feed has produced everything it ever will (bounded run or end of file). */
    boolean isFinished();

    /** Event time of the feed's beginning, once started. */
    OptionalLong eventStartMillis();

    /**
     * Waits until the feed has started producing (a market opens when its first client subscribes,
     * a replay at its first event).
     *
     * @return the event time of the start, or empty on timeout or if the feed ended without one
     */
    OptionalLong awaitEventStart(Duration timeout) throws InterruptedException;

    /**
     * Waits until every event with event time {@code <= eventTimeMillis} has been handed on, or the
     * feed finished.
     *
     * @return false on timeout
     */
    boolean awaitProgress(long eventTimeMillis, Duration timeout) throws InterruptedException;

    /** Stops the thread and waits briefly for it; idempotent. */
    @Override
    void close();
}
