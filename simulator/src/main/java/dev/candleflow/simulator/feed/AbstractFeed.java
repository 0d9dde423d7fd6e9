package dev.candleflow.simulator.feed;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thread, stop signal and progress bookkeeping shared by the paced feeds; subclasses only write
 * {@link #produce()}.
 */
public abstract class AbstractFeed implements Feed {

    private static final Logger LOG = LoggerFactory.getLogger(AbstractFeed.class);
    private static final long JOIN_TIMEOUT_MILLIS = 5_000L;

    private final String threadName;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final Object progressLock = new Object();
    private long progressMillis = Long.MIN_VALUE; // guarded by progressLock
    private boolean finished; // guarded by progressLock
    private long eventStartMillis = Long.MIN_VALUE; // guarded by progressLock
    private volatile Thread thread;

    protected AbstractFeed(String threadName) {
        this.threadName = threadName;
    }

    /** Runs on the feed thread until done or {@link #isStopping()}. */
    protected abstract void produce() throws Exception;

    @Override
    public final void start() {
        if (!started.compareAndSet(false, true) || stopSignal.getCount() == 0) {
            return;
        }
        Thread t = new Thread(this::runSafely, threadName);
        // Daemon: a test that forgets close() must not keep the JVM alive.
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override
    public final boolean isStarted() {
        return started.get();
    }

    @Override
    public final boolean isFinished() {
        synchronized (progressLock) {
            return finished;
        }
    }

    @Override
    public final OptionalLong eventStartMillis() {
        synchronized (progressLock) {
            return startOrEmpty();
        }
    }

    @Override
    public final OptionalLong awaitEventStart(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progressLock) {
            while (eventStartMillis == Long.MIN_VALUE && !finished) {
                long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remainingMillis <= 0) {
                    break;
                }
                progressLock.wait(remainingMillis);
            }
            return startOrEmpty();
        }
    }

    private OptionalLong startOrEmpty() {
        return eventStartMillis == Long.MIN_VALUE
                ? OptionalLong.empty()
                : OptionalLong.of(eventStartMillis);
    }

    @Override
    public final boolean awaitProgress(long eventTimeMillis, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progressLock) {
            while (!finished && progressMillis < eventTimeMillis) {
                long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remainingMillis <= 0) {
                    return false;
                }
                progressLock.wait(remainingMillis);
            }
            return true;
        }
    }

    @Override
    public final void close() {
        stopSignal.countDown();
        Thread t = thread;
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        try {
            t.join(JOIN_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Interrupted while waiting for {} to stop", threadName);
        }
        if (t.isAlive()) {
            LOG.warn(
                    "{} did not stop within {} ms; it is a daemon thread",
                    threadName,
                    JOIN_TIMEOUT_MILLIS);
        }
    }

    protected final boolean isStopping() {
        return stopSignal.getCount() == 0;
    }

    protected final void setEventStartMillis(long startMillis) {
        synchronized (progressLock) {
            this.eventStartMillis = startMillis;
            progressLock.notifyAll();
        }
    }

    /** Records that every event with event time {@code <= eventTimeMillis} has been handed on. */
    protected final void advanceProgress(long eventTimeMillis) {
        synchronized (progressLock) {
            if (eventTimeMillis > progressMillis) {
                progressMillis = eventTimeMillis;
                progressLock.notifyAll();
            }
        }
    }

    protected final void markFinished() {
        synchronized (progressLock) {
            finished = true;
            progressLock.notifyAll();
        }
    }

    /**
     * Blocks until {@code clock} reaches {@code eventMicros}.
     *
     * @return false if the feed is being stopped
     */
    protected final boolean awaitEventTime(EventClock clock, long eventMicros)
            throws InterruptedException {
        while (true) {
            long waitNanos = clock.nanosUntil(eventMicros, System.nanoTime());
            if (waitNanos <= 0) {
                return !isStopping();
            }
            if (stopSignal.await(waitNanos, TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
    }

    private void runSafely() {
        try {
            produce();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.debug("{} interrupted", threadName);
        } catch (Exception e) {
            // Marking finished releases waiting tests at once instead of letting them time out.
            LOG.error("{} failed; no further events will be produced", threadName, e);
            markFinished();
        }
    }
}
