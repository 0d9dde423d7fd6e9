package dev.candleflow.simulator.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MarketGeneratorTest {

    private static final long START = 1_700_000_040_000L;
    private static final List<SymbolSpec> SYMBOLS =
            List.of(SymbolSpec.defaultsFor("BTCUSDT"), SymbolSpec.defaultsFor("ETHUSDT"));

    @Test
    void sameSeedGivesSameTrades() {
        assertThat(take(generator(7L), 2_000)).isEqualTo(take(generator(7L), 2_000));
    }

    @Test
    void differentSeedGivesDifferentTrades() {
        assertThat(take(generator(7L), 100)).isNotEqualTo(take(generator(8L), 100));
    }

    @Test
    void tradeIdsAreContiguousPerSymbolFromTheBase() {
        MarketGenerator market =
                new MarketGenerator(SYMBOLS, 1L, 20.0, START, OptionalLong.of(500L));
        Map<String, Long> expectedNext = new HashMap<>(Map.of("BTCUSDT", 500L, "ETHUSDT", 500L));
        for (SimTrade trade : take(market, 1_000)) {
            assertThat(trade.tradeId()).isEqualTo(expectedNext.get(trade.symbol()));
            expectedNext.put(trade.symbol(), trade.tradeId() + 1);
        }
    }

    @Test
    void randomIdBaseIsContiguousToo() {
        long[] btcIds =
                take(generator(3L), 500).stream()
                        .filter(t -> t.symbol().equals("BTCUSDT"))
                        .mapToLong(SimTrade::tradeId)
                        .toArray();
        assertThat(btcIds[0]).isPositive();
        for (int i = 1; i < btcIds.length; i++) {
            assertThat(btcIds[i]).isEqualTo(btcIds[0] + i);
        }
    }

    @Test
    void pricesAndQuantitiesAreExactGridMultiplesWithEightDecimals() {
        SymbolSpec btc = SYMBOLS.get(0);
        for (SimTrade trade : take(generator(11L), 5_000)) {
            if (!trade.symbol().equals("BTCUSDT")) {
                continue;
            }
            assertThat(trade.price().scale()).isEqualTo(8);
            assertThat(trade.quantity().scale()).isEqualTo(8);
            assertThat(trade.price().signum()).isPositive();
            assertThat(trade.quantity().signum()).isPositive();
            assertThat(trade.price().remainder(btc.tickSize())).isEqualByComparingTo("0");
            assertThat(trade.quantity().remainder(btc.lotSize())).isEqualByComparingTo("0");
            assertThat(trade.price().toPlainString()).matches("\\d+\\.\\d{8}");
        }
    }

    @Test
    void priceWalkStaysNearTheStartInTheShortRun() {
        List<SimTrade> trades =
                take(generator(5L), 4_000).stream()
                        .filter(t -> t.symbol().equals("BTCUSDT"))
                        .toList();
        BigDecimal first = trades.get(0).price();
        assertThat(first).isBetween(new BigDecimal("29000"), new BigDecimal("31000"));
        assertThat(trades.stream().map(SimTrade::price).distinct().count()).isGreaterThan(100);
    }

    @Test
    void eventTimesAreOrderedAndFollowTheRate() {
        MarketGenerator market =
                new MarketGenerator(List.of(SYMBOLS.get(0)), 9L, 20.0, START, OptionalLong.empty());
        List<SimTrade> trades = take(market, 20_000);
        for (int i = 1; i < trades.size(); i++) {
            assertThat(trades.get(i).eventTimeMillis())
                    .isGreaterThanOrEqualTo(trades.get(i - 1).eventTimeMillis());
        }
        assertThat(trades.get(0).eventTimeMillis()).isGreaterThanOrEqualTo(START);
        // 20,000 trades at 20/s span about 1,000 s; the Poisson spread is about 0.7%.
        long spanMillis = trades.get(trades.size() - 1).eventTimeMillis() - START;
        assertThat(spanMillis).isBetween(960_000L, 1_040_000L);
    }

    @Test
    void buyerIsMakerTakesBothValues() {
        assertThat(take(generator(2L), 200).stream().map(SimTrade::buyerIsMaker).distinct())
                .containsExactlyInAnyOrder(true, false);
    }

    @Test
    void rejectsDuplicateSymbols() {
        assertThatThrownBy(
                        () ->
                                new MarketGenerator(
                                        List.of(SYMBOLS.get(0), SYMBOLS.get(0)),
                                        1L,
                                        1.0,
                                        START,
                                        OptionalLong.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate symbol BTCUSDT");
    }

    private static MarketGenerator generator(long seed) {
        return new MarketGenerator(SYMBOLS, seed, 20.0, START, OptionalLong.empty());
    }

    private static List<SimTrade> take(MarketGenerator market, int count) {
        List<SimTrade> trades = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            trades.add(market.next());
        }
        return trades;
    }
}
