package dev.candleflow.source.reader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Venue;
import dev.candleflow.protocol.binance.BinanceAdapter;
import dev.candleflow.source.FeedEvent;
import dev.candleflow.source.split.ExchangeSplit;
import dev.candleflow.source.split.ExchangeSplitState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;

class TradeRecordEmitterTest {

    private static final InstrumentId BTC = InstrumentId.parse("BTC-USDT");

    private final FeedMetrics metrics = new FeedMetrics(new UnregisteredMetricsGroup());
    private final BinanceAdapter adapter = new BinanceAdapter();
    private final TradeRecordEmitter emitter = new TradeRecordEmitter(v -> adapter, metrics);
    private final ExchangeSplitState state =
            new ExchangeSplitState(
                    new ExchangeSplit("binance-0", Venue.BINANCE, List.of(BTC), Map.of()));
    private final Collecting out = new Collecting();

    @Test
    void dropsDuplicatesCountsGapsAndStampsEventTime() {
        for (long id : new long[] {1, 2, 2, 1, 5, 6}) {
            emitter.emitRecord(frame(id), out, state);
        }
        assertThat(out.events)
                .extracting(e -> e.trade().sequence())
                .containsExactly(1L, 2L, 5L, 6L);
        assertThat(out.timestamps).containsOnly(1_672_515_782_135L);
        FeedMetrics.VenueCounters c = metrics.of(Venue.BINANCE);
        assertThat(c.duplicates.getCount()).isEqualTo(2);
        assertThat(c.gaps.getCount()).isEqualTo(1);
        assertThat(c.missedTrades.getCount()).isEqualTo(2);
        assertThat(c.trades.getCount()).isEqualTo(4);
        assertThat(state.toSplit().lastSequences()).containsEntry(BTC, 6L);
    }

    @Test
    void continuesFromTheCheckpointedSequence() {
        ExchangeSplitState restored =
                new ExchangeSplitState(
                        new ExchangeSplit(
                                "binance-0", Venue.BINANCE, List.of(BTC), Map.of(BTC, 10L)));
        emitter.emitRecord(frame(10), out, restored);
        emitter.emitRecord(frame(11), out, restored);
        assertThat(out.events).extracting(e -> e.trade().sequence()).containsExactly(11L);
    }

    @Test
    void unusableFramesBecomeDeadLettersWithTheirReason() {
        emitter.emitRecord(
                new RawFrame("binance-0", "{\"e\":\"trade\",\"s\":\"BTCUSDT\"", 5L), out, state);
        emitter.emitRecord(
                new RawFrame(
                        "binance-0",
                        "{\"error\":{\"code\":2,\"msg\":\"Invalid request\"},\"id\":1}",
                        6L),
                out,
                state);
        assertThat(out.events).allMatch(e -> !e.isTrade());
        assertThat(out.events)
                .extracting(e -> e.deadLetter().reason())
                .containsExactly("malformed_json", "venue_error");
        assertThat(out.events.get(0).deadLetter().payload())
                .isEqualTo("{\"e\":\"trade\",\"s\":\"BTCUSDT\"");
        assertThat(metrics.of(Venue.BINANCE).deadLetters.getCount()).isEqualTo(2);
    }

    private static RawFrame frame(long id) {
        String text =
                "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1672515782136,\"s\":\"BTCUSDT\",\"t\":"
                        + id
                        + ",\"p\":\"16578.50000000\",\"q\":\"0.00100000\",\"T\":1672515782135,\"m\":true}}";
        return new RawFrame("binance-0", text, 1_672_515_782_200_000L);
    }

    private static final class Collecting implements SourceOutput<FeedEvent> {
        final List<FeedEvent> events = new ArrayList<>();
        final List<Long> timestamps = new ArrayList<>();

        @Override
        public void collect(FeedEvent record) {
            events.add(record);
        }

        @Override
        public void collect(FeedEvent record, long timestamp) {
            events.add(record);
            timestamps.add(timestamp);
        }

        @Override
        public void emitWatermark(Watermark watermark) {}

        @Override
        public void markIdle() {}

        @Override
        public void markActive() {}
    }
}
