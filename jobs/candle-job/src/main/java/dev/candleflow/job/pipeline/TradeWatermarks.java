package dev.candleflow.job.pipeline;

import dev.candleflow.source.FeedEvent;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Bounded-out-of-orderness watermarks driven by trades only: dead letters carry no event time (a
 * replayed old capture must not be pushed into "late" by wall-clock stamps), and a split that sends
 * only health reports is idle, so it does not hold back the watermark of the others. Flink's own
 * {@code withIdleness} would count those reports as activity.
 *
 * <p>Trades a connection hands on while it fetches missed trades over REST ({@link
 * FeedEvent#catchingUp()}) keep it active but do not advance its watermark until the connection has
 * caught up: after an outage its instruments' backfilled pages and live trades interleave out of
 * event-time order, and advancing on the newest would make the older ones still to come late.
 */
public final class TradeWatermarks implements WatermarkGenerator<FeedEvent> {

    private final long boundMillis;
    private final long idleNanos;
    private long maxTimestamp;
    private long caughtUpMax = Long.MIN_VALUE;
    private long lastTradeNanos = System.nanoTime();
    private boolean idle;

    public TradeWatermarks(Duration outOfOrderness, Duration idleness) {
        this.boundMillis = outOfOrderness.toMillis();
        this.idleNanos = idleness.toNanos();
        this.maxTimestamp = Long.MIN_VALUE + boundMillis + 1;
    }

    /** Trades stamped with their event time; watermarks and idleness from trades alone. */
    public static WatermarkStrategy<FeedEvent> strategy(
            Duration outOfOrderness, Duration idleness) {
        return WatermarkStrategy.<FeedEvent>forGenerator(
                        ctx -> new TradeWatermarks(outOfOrderness, idleness))
                .withTimestampAssigner((e, ts) -> e.isTrade() ? e.trade().eventTimeMillis() : ts);
    }

    @Override
    public void onEvent(FeedEvent event, long eventTimestamp, WatermarkOutput output) {
        if (!event.isTrade()) {
            return;
        }
        long time = event.trade().eventTimeMillis();
        if (event.catchingUp()) {
            long floor = Math.floorDiv(event.catchUpFloorMicros(), 1000L);
            maxTimestamp = Math.max(maxTimestamp, Math.min(time, floor));
            caughtUpMax = Math.max(caughtUpMax, time);
        } else {
            maxTimestamp = Math.max(maxTimestamp, Math.max(time, caughtUpMax));
            caughtUpMax = Long.MIN_VALUE;
        }
        lastTradeNanos = System.nanoTime();
        if (idle) {
            idle = false;
            // Active again at once, not at the next periodic emit: records that flow while the
            // output is idle are outside the watermark downstream, and a burst of them (a
            // backfill) would reach a two-input operator as late data.
            output.emitWatermark(watermark());
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        if (System.nanoTime() - lastTradeNanos > idleNanos) {
            if (!idle) {
                idle = true;
                output.markIdle();
            }
            return;
        }
        output.emitWatermark(watermark());
    }

    private Watermark watermark() {
        return new Watermark(maxTimestamp - boundMillis - 1);
    }
}
