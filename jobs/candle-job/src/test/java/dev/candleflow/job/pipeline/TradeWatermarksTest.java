package dev.candleflow.job.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.model.FeedHealth;
import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Side;
import dev.candleflow.model.Trade;
import dev.candleflow.model.Venue;
import dev.candleflow.source.FeedEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.Test;

class TradeWatermarksTest {

    @Test
    void onlyTradesMoveTheWatermark() {
        TradeWatermarks w = new TradeWatermarks(Duration.ofSeconds(2), Duration.ofHours(1));
        Recording out = new Recording();
        w.onEvent(FeedEvent.of(trade(10_000)), 10_000, out);
        w.onEvent(FeedEvent.of(health()), Long.MIN_VALUE, out);
        w.onPeriodicEmit(out);
        assertThat(out.watermarks).containsExactly(10_000L - 2_000 - 1);
    }

    @Test
    void aSplitWithOnlyHealthReportsGoesIdle() throws Exception {
        TradeWatermarks w = new TradeWatermarks(Duration.ofSeconds(2), Duration.ofMillis(50));
        Recording out = new Recording();
        w.onEvent(FeedEvent.of(trade(10_000)), 10_000, out);
        Thread.sleep(80);
        w.onEvent(FeedEvent.of(health()), Long.MIN_VALUE, out);
        w.onPeriodicEmit(out);
        assertThat(out.idle).isTrue();
        w.onEvent(FeedEvent.of(trade(11_000)), 11_000, out);
        w.onPeriodicEmit(out);
        assertThat(out.idle).isFalse();
        assertThat(out.watermarks).containsOnly(11_000L - 2_000 - 1);
    }

    @Test
    void tradesHandedOnWhileCatchingUpAdvanceTheWatermarkOnlyToTheirFloor() {
        TradeWatermarks w = new TradeWatermarks(Duration.ofSeconds(2), Duration.ofHours(1));
        Recording out = new Recording();
        w.onEvent(FeedEvent.of(trade(10_000)), 10_000, out);
        // After an outage: one instrument's page reaches the present while another's backfill is
        // only at 12 s, then at 30 s.
        w.onEvent(FeedEvent.catchingUp(trade(95_000), 12_000_000L), 95_000, out);
        w.onPeriodicEmit(out);
        w.onEvent(FeedEvent.catchingUp(trade(40_000), 30_000_000L), 40_000, out);
        w.onPeriodicEmit(out);
        // A floor that is not known holds the watermark where it is.
        w.onEvent(FeedEvent.catchingUp(trade(96_000), 0L), 96_000, out);
        w.onPeriodicEmit(out);
        assertThat(out.watermarks)
                .as("never past the floor: the 40 s trade was not late")
                .containsExactly(12_000L - 2_001, 30_000L - 2_001, 30_000L - 2_001);
        assertThat(out.idle).as("catching up is activity").isFalse();

        w.onEvent(FeedEvent.of(trade(90_000)), 90_000, out);
        w.onPeriodicEmit(out);
        assertThat(out.watermarks)
                .as("caught up: the newest trade seen counts, including the backfilled ones")
                .endsWith(96_000L - 2_001);
    }

    @Test
    void aTradeAfterIdlenessMakesTheOutputActiveAtOnce() throws Exception {
        TradeWatermarks w = new TradeWatermarks(Duration.ofSeconds(2), Duration.ofMillis(50));
        Recording out = new Recording();
        w.onEvent(FeedEvent.of(trade(10_000)), 10_000, out);
        Thread.sleep(80);
        w.onPeriodicEmit(out);
        assertThat(out.idle).isTrue();

        w.onEvent(FeedEvent.catchingUp(trade(11_000), 10_500_000L), 11_000, out);
        assertThat(out.idle).as("active before the next periodic emit").isFalse();
        assertThat(out.watermarks).containsExactly(10_500L - 2_001);
    }

    static Trade trade(long millis) {
        return new Trade(
                Venue.BINANCE,
                InstrumentId.parse("BTC-USDT"),
                millis * 1000,
                millis * 1000,
                1,
                BigDecimal.ONE,
                BigDecimal.ONE,
                Side.BUY,
                "1");
    }

    static FeedHealth health() {
        return new FeedHealth(
                Venue.BINANCE,
                "binance-0",
                1L,
                FeedHealth.State.OPEN,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                -1,
                -1);
    }

    static final class Recording implements WatermarkOutput {
        final List<Long> watermarks = new ArrayList<>();
        boolean idle;

        @Override
        public void emitWatermark(Watermark watermark) {
            watermarks.add(watermark.getTimestamp());
            idle = false;
        }

        @Override
        public void markIdle() {
            idle = true;
        }

        @Override
        public void markActive() {
            idle = false;
        }
    }
}
