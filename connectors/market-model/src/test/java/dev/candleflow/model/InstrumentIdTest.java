package dev.candleflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InstrumentIdTest {

    @Test
    void parsesCaseInsensitively() {
        assertThat(InstrumentId.parse(" btc-usdt ")).isEqualTo(new InstrumentId("BTC", "USDT"));
        assertThat(InstrumentId.parse("BTC-USDT").toString()).isEqualTo("BTC-USDT");
    }

    @Test
    void rejectsMalformedSymbolsNamingTheInput() {
        for (String bad : new String[] {"BTCUSDT", "-USDT", "BTC-", "BTC-US-DT", "BT C-USDT", ""}) {
            assertThatThrownBy(() -> InstrumentId.parse(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void intervalsAlignToUtcBoundaries() {
        long t = 1_700_000_059_999_999L;
        assertThat(CandleInterval.M1.openTimeMicros(t)).isEqualTo(1_700_000_040_000_000L);
        assertThat(CandleInterval.fromLabel("1M")).isEqualTo(CandleInterval.M1);
        assertThatThrownBy(() -> CandleInterval.fromLabel("2m")).hasMessageContaining("'2m'");
        assertThatThrownBy(() -> Venue.fromId("nasdaq")).hasMessageContaining("binance");
    }
}
