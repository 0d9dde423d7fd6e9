package dev.candleflow.source.reader;

import static dev.candleflow.source.testutils.TestTrades.BTC;
import static dev.candleflow.source.testutils.TestTrades.trade;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.model.DeadLetter;
import dev.candleflow.model.FeedHealth;
import dev.candleflow.model.Venue;
import dev.candleflow.protocol.SequencePolicy;
import dev.candleflow.source.FeedEvent;
import dev.candleflow.source.split.ExchangeSplit;
import dev.candleflow.source.split.ExchangeSplitState;
import dev.candleflow.source.testutils.CollectingOutput;
import dev.candleflow.source.testutils.TestAdapter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;

class TradeRecordEmitterTest {

    private final FeedMetrics metrics = new FeedMetrics(new UnregisteredMetricsGroup());
    private final TestAdapter adapter =
            new TestAdapter(SequencePolicy.STRICT_INCREMENT, 1000, Duration.ofSeconds(60));
    private final TradeRecordEmitter emitter = new TradeRecordEmitter(v -> adapter, metrics);
    private final CollectingOutput out = new CollectingOutput();

    private static ExchangeSplitState state(Map<dev.candleflow.model.InstrumentId, Long> last) {
        return new ExchangeSplitState(
                new ExchangeSplit("binance-0", Venue.BINANCE, List.of(BTC), last));
    }

    @Test
    void emitsTradesAtTheirEventTimeAndAdvancesTheCheckpointedState() {
        ExchangeSplitState split = state(Map.of());
        for (long s : new long[] {1, 2, 2, 3}) {
            emitter.emitRecord(FeedEvent.of(trade(BTC, s)), out, split);
        }
        assertThat(out.events).extracting(e -> e.trade().sequence()).containsExactly(1L, 2L, 3L);
        assertThat(out.timestamps)
                .containsExactly(
                        trade(BTC, 1).eventTimeMillis(),
                        trade(BTC, 2).eventTimeMillis(),
                        trade(BTC, 3).eventTimeMillis());
        SplitMetrics m = metrics.split("binance-0", Venue.BINANCE);
        assertThat(m.trades.getCount()).isEqualTo(3);
        assertThat(m.duplicates.getCount()).isEqualTo(1);
        ExchangeSplit snapshot = split.toSplit();
        assertThat(snapshot.lastSequences()).containsEntry(BTC, 3L);
        assertThat(snapshot.lastEventTimes()).containsEntry(BTC, trade(BTC, 3).eventTimeMicros());
    }

    @Test
    void continuesFromTheCheckpointedSequence() {
        ExchangeSplitState restored = state(Map.of(BTC, 10L));
        emitter.emitRecord(FeedEvent.of(trade(BTC, 10)), out, restored);
        emitter.emitRecord(FeedEvent.of(trade(BTC, 11)), out, restored);
        assertThat(out.events).extracting(e -> e.trade().sequence()).containsExactly(11L);
    }

    @Test
    void deadLettersAndHealthPassWithoutTimestamp() {
        FeedEvent dl = FeedEvent.of(new DeadLetter(Venue.BINANCE, "malformed_json", "", "{", 5L));
        FeedEvent health =
                FeedEvent.of(
                        new FeedHealth(
                                Venue.BINANCE,
                                "binance-0",
                                5L,
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
                                -1,
                                -1,
                                -1));
        emitter.emitRecord(dl, out, state(Map.of()));
        emitter.emitRecord(health, out, state(Map.of()));
        assertThat(out.events).containsExactly(dl, health);
        assertThat(out.timestamps).containsExactly(null, null);
    }
}
