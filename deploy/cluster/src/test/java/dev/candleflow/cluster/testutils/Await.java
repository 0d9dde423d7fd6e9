package dev.candleflow.cluster.testutils;

import java.time.Duration;

/** Polls a condition until it holds, failing with what was awaited after a timeout. */
public final class Await {

    /** A condition that may throw while it is checked (a service still starting). */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    private Await() {}

    /** Waits until {@code condition} holds; returns the milliseconds it took. */
    public static long until(String what, Duration timeout, Condition condition) throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Exception last = null;
        while (true) {
            try {
                if (condition.holds()) {
                    return (System.nanoTime() - start) / 1_000_000;
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                last = e; // kept as the cause if the wait times out
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + timeout + ": " + what, last);
            }
            Thread.sleep(250);
        }
    }
}
