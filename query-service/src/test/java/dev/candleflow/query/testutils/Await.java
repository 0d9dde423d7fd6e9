package dev.candleflow.query.testutils;

import java.time.Duration;

/** Polls a condition until it holds or a deadline passes. */
public final class Await {

    private Await() {}

    /** A condition that may throw while it is checked. */
    public interface Condition {
        boolean holds() throws Exception;
    }

    public static void until(Duration timeout, Condition condition, String what) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(200);
        }
        AssertionError e =
                new AssertionError("Timed out after " + timeout + " waiting for " + what);
        if (last != null) {
            e.initCause(last);
        }
        throw e;
    }
}
