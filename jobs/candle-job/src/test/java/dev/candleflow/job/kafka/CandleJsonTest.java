package dev.candleflow.job.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.model.Candle;
import dev.candleflow.model.CandleInterval;
import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Venue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CandleJsonTest {

    static final Candle CANDLE =
            new Candle(
                    Venue.BINANCE,
                    InstrumentId.parse("BTC-USDT"),
                    CandleInterval.M1,
                    1_700_000_040_000_000L,
                    new BigDecimal("30236.12000000"),
                    new BigDecimal("30240.00000000"),
                    new BigDecimal("30230.50000000"),
                    new BigDecimal("30239.99000000"),
                    new BigDecimal("1.5E-7"),
                    new BigDecimal("37321.1234567812345678"),
                    new BigDecimal("30230.123456789012345678"),
                    new BigDecimal("1E+1"),
                    new BigDecimal("0"),
                    42,
                    "100",
                    "141",
                    true,
                    3);

    @Test
    void roundTripsAndWritesDecimalsAsPlainStrings() {
        byte[] json = CandleJson.toJson(CANDLE);
        String text = new String(json, StandardCharsets.UTF_8);
        assertThat(text)
                .contains("\"volume\":\"0.00000015\"")
                .contains("\"takerBuyVolume\":\"10\"")
                .contains("\"openTime\":1700000040000,\"closeTime\":1700000100000")
                .contains("\"final\":true,\"revision\":3");
        Candle back = CandleJson.fromJson(json);
        assertThat(back.volume()).isEqualByComparingTo(CANDLE.volume());
        assertThat(back.vwap()).isEqualTo(CANDLE.vwap());
        assertThat(back.key()).isEqualTo("binance|BTC-USDT|1m|1700000040000");
        assertThat(back.revision()).isEqualTo(3);
    }
}
