package dev.candleflow.job.pipeline;

import dev.candleflow.source.FeedEvent;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Bounded-out-of-orderness watermarks driven by trades only: a dead letter carries no event time (a
 * replayed old capture must not be pushed into "late" by wall-clock stamps).
 */
public final class TradeWatermarks implements WatermarkGenerator<FeedEvent> {

    private final long boundMillis;
    private long maxTimestamp;

    public TradeWatermarks(Duration outOfOrderness) {
        this.boundMillis = outOfOrderness.toMillis();
        this.maxTimestamp = Long.MIN_VALUE + boundMillis + 1;
    }

    /** Trades stamped with their event time, watermarks from trades, idle splits released. */
    public static WatermarkStrategy<FeedEvent> strategy(
            Duration outOfOrderness, Duration idleness) {
        return WatermarkStrategy.<FeedEvent>forGenerator(ctx -> new TradeWatermarks(outOfOrderness))
                .withTimestampAssigner((e, ts) -> e.isTrade() ? e.trade().eventTimeMillis() : ts)
                .withIdleness(idleness);
    }

    @Override
    public void onEvent(FeedEvent event, long eventTimestamp, WatermarkOutput output) {
        if (event.isTrade()) {
            maxTimestamp = Math.max(maxTimestamp, event.trade().eventTimeMillis());
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        output.emitWatermark(new Watermark(maxTimestamp - boundMillis - 1));
    }
}
