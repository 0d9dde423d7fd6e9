package dev.candleflow.simulator.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SymbolSpecTest {

    @Test
    void knownSymbolsGetRealisticLevels() {
        SymbolSpec btc = SymbolSpec.defaultsFor("BTCUSDT");
        assertThat(btc.startPrice()).isEqualTo(new BigDecimal("30000.00000000"));
        assertThat(btc.tickSize()).isEqualByComparingTo("0.01");
        assertThat(btc.lotSize()).isEqualByComparingTo("0.00001");
        assertThat(btc.meanLotsPerTrade()).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void unknownSymbolsGetGenericLevels() {
        assertThat(SymbolSpec.defaultsFor("FOOBAR").startPrice()).isEqualByComparingTo("10");
    }

    @Test
    void startPriceIsRoundedToTheTickGrid() {
        SymbolSpec spec =
                new SymbolSpec(
                        "ABCUSDT",
                        new BigDecimal("1.234"),
                        new BigDecimal("0.01"),
                        new BigDecimal("1"),
                        1.0);
        assertThat(spec.startPrice()).isEqualTo(new BigDecimal("1.23000000"));
        assertThat(spec.startTicks()).isEqualTo(123L);
    }

    @Test
    void rejectsLowerCaseSymbol() {
        assertThatThrownBy(() -> SymbolSpec.defaultsFor("btcusdt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("upper case")
                .hasMessageContaining("btcusdt");
    }

    @Test
    void rejectsTickFinerThanEightDecimals() {
        assertThatThrownBy(
                        () ->
                                new SymbolSpec(
                                        "ABCUSDT",
                                        BigDecimal.ONE,
                                        new BigDecimal("0.000000001"),
                                        BigDecimal.ONE,
                                        1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tickSize of ABCUSDT must have at most 8 decimals");
    }
}
