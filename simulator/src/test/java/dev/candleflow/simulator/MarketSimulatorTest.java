package dev.candleflow.simulator;

import static dev.candleflow.simulator.testutils.Sims.START;
import static dev.candleflow.simulator.testutils.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candleflow.simulator.testutils.SimTestBase;
import dev.candleflow.simulator.venue.VenueId;
import dev.candleflow.simulator.venue.VenueTrade;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One seeded market across venues: determinism, shared underlying with basis, formats. */
class MarketSimulatorTest extends SimTestBase {

    @Test
    void sameSeedGivesTheSameVenueTradesWhateverOtherVenuesRun() throws Exception {
        List<VenueTrade> okxAlone = run(List.of(VenueId.OKX), 5L).get(VenueId.OKX);
        Map<VenueId, List<VenueTrade>> all = run(List.of(VenueId.values()), 5L);
        Map<VenueId, List<VenueTrade>> again = run(List.of(VenueId.values()), 5L);

        assertThat(okxAlone).hasSizeGreaterThan(500).isEqualTo(all.get(VenueId.OKX));
        assertThat(again).isEqualTo(all);
        assertThat(run(List.of(VenueId.OKX), 6L).get(VenueId.OKX)).isNotEqualTo(okxAlone);
    }

    @Test
    void venuePricesFollowOneUnderlyingWithTheirBasis() throws Exception {
        MarketSimulatorBuilder builder =
                MarketSimulator.builder()
                        .instruments("BTC-USDT")
                        .seed(9)
                        .tradesPerSecond(20)
                        .speed(5_000)
                        .startTimeMillis(START)
                        .eventDuration(Duration.ofMinutes(2))
                        .basis(VenueId.KRAKEN, -0.001)
                        .startOnFirstSubscription(false);
        MarketSimulator sim = start(builder);
        assertThat(sim.awaitFinished(WAIT)).isTrue();
        List<VenueTrade> reference = sim.publishedTrades(VenueId.BINANCE);

        for (VenueId venue : VenueId.values()) {
            double expected =
                    venue == VenueId.KRAKEN
                            ? -0.001
                            : Venues.defaultBasis(venue) - Venues.defaultBasis(VenueId.BINANCE);
            double[] deviations = deviations(sim.publishedTrades(venue), reference);
            double mean = java.util.Arrays.stream(deviations).average().orElseThrow();
            double worst =
                    java.util.Arrays.stream(deviations)
                            .map(d -> Math.abs(d - expected))
                            .max()
                            .orElseThrow();
            assertThat(mean)
                    .as("mean basis of %s", venue)
                    .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-4));
            assertThat(worst).as("largest deviation of %s", venue).isLessThan(0.002);
        }
    }

    @Test
    void venuesPrintTheirOwnSymbolsAndNumbers() throws Exception {
        MarketSimulator sim =
                start(
                        MarketSimulator.builder()
                                .instruments("BTC-USDT")
                                .speed(1_000)
                                .startTimeMillis(START)
                                .eventDuration(Duration.ofSeconds(5))
                                .startOnFirstSubscription(false));
        assertThat(sim.awaitFinished(WAIT)).isTrue();
        Map<VenueId, String> symbols =
                Map.of(
                        VenueId.BINANCE, "BTCUSDT",
                        VenueId.BYBIT, "BTCUSDT",
                        VenueId.OKX, "BTC-USDT",
                        VenueId.COINBASE, "BTC-USDT",
                        VenueId.KRAKEN, "BTC/USDT",
                        VenueId.BITSTAMP, "btcusdt",
                        VenueId.GATEIO, "BTC_USDT");
        symbols.forEach(
                (venue, symbol) -> assertThat(sim.symbol(venue, "BTC-USDT")).isEqualTo(symbol));
        for (VenueId venue : VenueId.values()) {
            assertThat(sim.publishedTrades(venue))
                    .isNotEmpty()
                    .allSatisfy(
                            t -> {
                                assertThat(t.symbol()).isEqualTo(symbols.get(venue));
                                assertThat(t.instrument()).isEqualTo("BTC-USDT");
                            });
        }
        assertThat(sim.publishedTrades("okx")).isEqualTo(sim.publishedTrades(VenueId.OKX));
        assertThat(sim.publishedTrades(VenueId.BINANCE))
                .allSatisfy(t -> assertThat(t.price().scale()).isEqualTo(8));
        assertThat(sim.publishedTrades(VenueId.BYBIT))
                .allSatisfy(t -> assertThat(t.price().scale()).isEqualTo(2));
        assertThat(sim.publishedTrades(VenueId.OKX))
                .allSatisfy(t -> assertThat(t.price().toPlainString()).doesNotEndWith("0"));
        assertThat(sim.publishedTrades(VenueId.BITSTAMP))
                .allSatisfy(t -> assertThat(t.quantity().scale()).isEqualTo(8));
        assertThatThrownBy(() -> sim.restBaseUri(VenueId.BYBIT))
                .isInstanceOf(IllegalStateException.class);
        assertThat(sim.venues()).containsExactly(VenueId.values());
    }

    @Test
    void builderRejectsBadSettings() {
        assertThatThrownBy(() -> MarketSimulator.builder().venues(VenueId.OKX, VenueId.OKX).build())
                .hasMessageContaining("venues must be distinct");
        assertThatThrownBy(() -> MarketSimulator.builder().instruments("BTCUSDT").build())
                .hasMessageContaining("BASE-QUOTE");
        assertThatThrownBy(() -> MarketSimulator.builder().basis(VenueId.OKX, 2.0))
                .hasMessageContaining("basis");
        assertThatThrownBy(
                        () ->
                                MarketSimulator.builder()
                                        .venues(VenueId.OKX)
                                        .replay(ReplayTest.capture(), 1.0)
                                        .build())
                .hasMessageContaining("Binance alone");
        assertThatThrownBy(() -> VenueId.fromId("ftx")).hasMessageContaining("known venues");
        assertThat(VenueId.fromId("Gate.io")).isEqualTo(VenueId.GATEIO);
    }

    // ---- helpers ----

    private Map<VenueId, List<VenueTrade>> run(List<VenueId> venues, long seed) throws Exception {
        try (MarketSimulator sim =
                MarketSimulator.builder()
                        .venues(venues)
                        .seed(seed)
                        .tradesPerSecond(20)
                        .speed(2_000)
                        .startTimeMillis(START)
                        .eventDuration(Duration.ofSeconds(30))
                        .startOnFirstSubscription(false)
                        .build()
                        .start()) {
            assertThat(sim.awaitFinished(WAIT)).isTrue();
            java.util.Map<VenueId, List<VenueTrade>> out = new java.util.EnumMap<>(VenueId.class);
            venues.forEach(v -> out.put(v, sim.publishedTrades(v)));
            return out;
        }
    }

    /** Relative price difference of each trade from the reference venue's latest earlier trade. */
    private static double[] deviations(List<VenueTrade> trades, List<VenueTrade> reference) {
        double[] out = new double[trades.size()];
        int r = 0;
        int n = 0;
        for (VenueTrade t : trades) {
            while (r + 1 < reference.size()
                    && reference.get(r + 1).eventTimeMicros() <= t.eventTimeMicros()) {
                r++;
            }
            out[n++] = t.price().doubleValue() / reference.get(r).price().doubleValue() - 1.0;
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
