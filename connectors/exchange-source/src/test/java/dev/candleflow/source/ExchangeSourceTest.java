package dev.candleflow.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.candleflow.model.DeadLetter;
import dev.candleflow.model.FeedHealth;
import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Venue;
import dev.candleflow.source.enumerator.ExchangeEnumState;
import dev.candleflow.source.split.ExchangeSplit;
import dev.candleflow.source.testutils.TestTrades;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class ExchangeSourceTest {

    private static List<InstrumentId> instruments(int n) {
        return IntStream.range(0, n).mapToObj(i -> new InstrumentId("C" + i, "USDT")).toList();
    }

    @Test
    void splitsAreSizedByTheVenueLimitWhenTheOptionAllowsMore() {
        Configuration options = new Configuration();
        options.set(ExchangeSourceOptions.MAX_INSTRUMENTS_PER_CONNECTION, 5000);
        ExchangeSource source =
                ExchangeSource.builder()
                        .venue(Venue.BINANCE, instruments(2500))
                        .options(options)
                        .build();
        List<ExchangeSplit> splits = source.splits();
        // Binance allows 1024 streams per connection.
        assertThat(splits).extracting(s -> s.instruments().size()).containsExactly(1024, 1024, 452);
        assertThat(splits)
                .extracting(ExchangeSplit::splitId)
                .containsExactly("binance-0", "binance-1", "binance-2");
        assertThat(splits.stream().flatMap(s -> s.instruments().stream()).distinct().count())
                .isEqualTo(2500);
    }

    @Test
    void andByTheOptionWhenItIsTighter() {
        ExchangeSource source =
                ExchangeSource.builder().venue(Venue.BINANCE, instruments(450)).build();
        assertThat(source.splits())
                .extracting(s -> s.instruments().size())
                .containsExactly(200, 200, 50);
    }

    private static ExchangeSource source(Venue venue, List<InstrumentId> instruments) {
        Configuration options = new Configuration();
        options.set(ExchangeSourceOptions.MAX_INSTRUMENTS_PER_CONNECTION, 2);
        return ExchangeSource.builder().venue(venue, instruments).options(options).build();
    }

    @Test
    void aRestoreWithMoreSymbolsAndAnotherVenueGivesOnlyTheNewOnesNewSplits() {
        InstrumentId btc = InstrumentId.parse("BTC-USDT");
        InstrumentId eth = InstrumentId.parse("ETH-USDT");
        InstrumentId sol = InstrumentId.parse("SOL-USDT");
        InstrumentId xrp = InstrumentId.parse("XRP-USDT");
        ExchangeSource before = source(Venue.BINANCE, List.of(btc, eth, sol));
        List<ExchangeSplit> layout = before.splits();
        // binance-0 (BTC, ETH) is held by a reader; binance-1 (SOL) came back unassigned.
        ExchangeSplit sol1 =
                new ExchangeSplit("binance-1", Venue.BINANCE, List.of(sol), Map.of(sol, 42L));
        ExchangeEnumState checkpoint = new ExchangeEnumState(List.of(sol1), layout);

        Configuration options = new Configuration();
        options.set(ExchangeSourceOptions.MAX_INSTRUMENTS_PER_CONNECTION, 2);
        ExchangeSource after =
                ExchangeSource.builder()
                        .venue(Venue.BINANCE, List.of(btc, xrp, sol))
                        .venue(Venue.OKX, List.of(btc))
                        .options(options)
                        .build();
        ExchangeEnumState restored = after.reconcile(checkpoint);

        assertThat(restored.unassigned())
                .containsExactly(
                        sol1,
                        new ExchangeSplit("binance-2", Venue.BINANCE, List.of(xrp), Map.of()),
                        new ExchangeSplit("okx-0", Venue.OKX, List.of(btc), Map.of()));
        assertThat(restored.layout())
                .extracting(ExchangeSplit::splitId, ExchangeSplit::instruments)
                .containsExactly(
                        tuple("binance-0", List.of(btc)),
                        tuple("binance-1", List.of(sol)),
                        tuple("binance-2", List.of(xrp)),
                        tuple("okx-0", List.of(btc)));
    }

    @Test
    void aRestoreWithFewerSymbolsDropsTheirSplits() {
        InstrumentId btc = InstrumentId.parse("BTC-USDT");
        InstrumentId eth = InstrumentId.parse("ETH-USDT");
        InstrumentId sol = InstrumentId.parse("SOL-USDT");
        List<ExchangeSplit> layout = source(Venue.BINANCE, List.of(btc, eth, sol)).splits();
        ExchangeEnumState checkpoint = new ExchangeEnumState(layout, layout);

        ExchangeEnumState restored = source(Venue.BINANCE, List.of(eth)).reconcile(checkpoint);

        ExchangeSplit ethOnly =
                new ExchangeSplit("binance-0", Venue.BINANCE, List.of(eth), Map.of());
        assertThat(restored.unassigned()).containsExactly(ethOnly);
        assertThat(restored.layout()).containsExactly(ethOnly);
    }

    @Test
    void aCheckpointWithoutLayoutRestoresAsTheConfiguredPlan() {
        InstrumentId btc = InstrumentId.parse("BTC-USDT");
        ExchangeSource source = source(Venue.BINANCE, List.of(btc));
        ExchangeEnumState restored = source.reconcile(new ExchangeEnumState(List.of(), null));
        assertThat(restored.unassigned()).isEmpty();
        assertThat(restored.layout()).isEqualTo(source.splits());
    }

    @Test
    void buildRejectsBadSettings() {
        Configuration options = new Configuration();
        options.set(ExchangeSourceOptions.BACKFILL_REQUESTS_PER_SECOND, 0.0);
        assertThatThrownBy(
                        () ->
                                ExchangeSource.builder()
                                        .venue(Venue.BINANCE, instruments(1))
                                        .options(options)
                                        .build())
                .hasMessageContaining("source.backfill.requests-per-second");
        assertThatThrownBy(() -> ExchangeSource.builder().build())
                .hasMessageContaining("At least one venue");
    }

    @Test
    void aFeedEventHoldsExactlyOneThingAndTravelsAsAPojo() throws Exception {
        FeedEvent trade = FeedEvent.of(TestTrades.trade(TestTrades.BTC, 7));
        FeedEvent dl = FeedEvent.of(new DeadLetter(Venue.BINANCE, "bad_price", "", "{}", 1L));
        FeedEvent health =
                FeedEvent.of(
                        new FeedHealth(
                                Venue.BINANCE,
                                "binance-0",
                                1L,
                                FeedHealth.State.BACKOFF,
                                1,
                                2,
                                3,
                                4,
                                5,
                                6,
                                7,
                                8,
                                9,
                                10,
                                1.5,
                                2.5));
        assertThat(trade.isTrade()).isTrue();
        assertThat(dl.isDeadLetter()).isTrue();
        assertThat(health.isHealth()).isTrue();
        assertThat(health.isTrade() || health.isDeadLetter()).isFalse();
        assertThatThrownBy(() -> new FeedEvent(null, null, null, 0L))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FeedEvent(trade.trade(), null, health.health(), 0L))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FeedEvent(null, dl.deadLetter(), null, 5L))
                .isInstanceOf(IllegalArgumentException.class);
        FeedEvent catchingUp = FeedEvent.catchingUp(trade.trade(), 1_234L);
        assertThat(catchingUp.catchingUp()).isTrue();
        assertThat(catchingUp.catchUpFloorMicros()).isEqualTo(1_234L);
        assertThat(FeedEvent.catchingUp(trade.trade(), 0L).catchUpFloorMicros())
                .as("an unknown floor holds everything")
                .isEqualTo(1L);
        assertThat(trade.catchingUp()).isFalse();

        TypeInformation<FeedEvent> info =
                ExchangeSource.builder()
                        .venue(Venue.BINANCE, instruments(1))
                        .build()
                        .getProducedType();
        assertThat(info).isInstanceOf(PojoTypeInfo.class);
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);
        TypeSerializer<FeedEvent> serializer = info.createSerializer(config);
        for (FeedEvent e : List.of(trade, catchingUp, dl, health)) {
            DataOutputSerializer out = new DataOutputSerializer(256);
            serializer.serialize(e, out);
            assertThat(serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer())))
                    .isEqualTo(e);
        }
    }
}
