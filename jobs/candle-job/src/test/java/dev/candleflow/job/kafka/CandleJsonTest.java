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
                    1_700_000_041_000_123L,
                    1_700_000_099_999_999L,
                    "",
                    "",
                    BigDecimal.ZERO,
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
        assertThat(back).isEqualTo(CandleJson.fromJson(CandleJson.toJson(back)));
        assertThat(back.firstTradeTimeMicros()).isEqualTo(1_700_000_041_000_123L);
    }

    @Test
    void consolidatedCandlesListTheirVenues() {
        Candle c =
                new Candle(
                        null,
                        CANDLE.instrument(),
                        CANDLE.interval(),
                        CANDLE.openTimeMicros(),
                        CANDLE.open(),
                        CANDLE.high(),
                        CANDLE.low(),
                        CANDLE.close(),
                        CANDLE.volume(),
                        CANDLE.quoteVolume(),
                        CANDLE.vwap(),
                        CANDLE.takerBuyVolume(),
                        CANDLE.takerBuyQuoteVolume(),
                        42,
                        "binance:100",
                        "okx:7",
                        1L,
                        2L,
                        "binance,okx",
                        "bybit",
                        new BigDecimal("30235.5"),
                        true,
                        0);
        String text = new String(CandleJson.toJson(c), StandardCharsets.UTF_8);
        assertThat(text)
                .contains("\"venue\":\"consolidated\"")
                .contains("\"includedVenues\":[\"binance\",\"okx\"],\"excludedVenues\":[\"bybit\"]")
                .contains("\"medianPrice\":\"30235.5\"");
        assertThat(CandleJson.toJson(CandleJson.fromJson(CandleJson.toJson(c))))
                .isEqualTo(CandleJson.toJson(c));
        assertThat(CandleJson.fromJson(CandleJson.toJson(c)).isConsolidated()).isTrue();
    }
}
