package dev.candleflow.simulator.feed;

/**
 * Maps wall time to accelerated event time: event time runs {@code speed} times faster than the
 * monotonic wall clock from the moment the clock was started.
 */
public final class EventClock {

    private final long startMicros;
    private final double speed;
    private final long wallStartNanos;

    /**
     * @param startMicros event time at {@code wallStartNanos}, epoch microseconds
     * @param speed event seconds per wall second; {@code +Infinity} means "no pacing"
     * @param wallStartNanos {@link System#nanoTime()} at which event time was {@code startMicros}
     */
    public EventClock(long startMicros, double speed, long wallStartNanos) {
        if (!(speed > 0.0)) {
            throw new IllegalArgumentException("speed must be > 0, was " + speed);
        }
        this.startMicros = startMicros;
        this.speed = speed;
        this.wallStartNanos = wallStartNanos;
    }

    /** Wall nanoseconds from {@code nowNanos} until event time reaches {@code eventMicros}. */
    public long nanosUntil(long eventMicros, long nowNanos) {
        if (Double.isInfinite(speed) || eventMicros <= startMicros) {
            return 0L;
        }
        double wallOffsetNanos = (eventMicros - startMicros) * 1000.0 / speed;
        if (wallOffsetNanos >= Long.MAX_VALUE / 2.0) {
            return Long.MAX_VALUE / 2;
        }
        return wallStartNanos + (long) Math.ceil(wallOffsetNanos) - nowNanos;
    }
}
