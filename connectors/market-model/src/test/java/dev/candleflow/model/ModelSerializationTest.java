package dev.candleflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** Every type that crosses an operator boundary must serialize as a POJO, never through Kryo. */
class ModelSerializationTest {

    static final Trade TRADE =
            new Trade(
                    Venue.BINANCE,
                    InstrumentId.parse("BTC-USDT"),
                    1_700_000_000_123_000L,
                    1_700_000_000_125_500L,
                    42L,
                    new BigDecimal("30236.12000000"),
                    new BigDecimal("0.00020000"),
                    Side.BUY,
                    "42");

    static final Candle CANDLE =
            new Candle(
                    Venue.BINANCE,
                    InstrumentId.parse("ETH-USDT"),
                    CandleInterval.M1,
                    1_700_000_040_000_000L,
                    new BigDecimal("1.10"),
                    new BigDecimal("1.30"),
                    new BigDecimal("1.00"),
                    new BigDecimal("1.20"),
                    new BigDecimal("3.5"),
                    new BigDecimal("4.05"),
                    new BigDecimal("1.157142857142857142857"),
                    new BigDecimal("1.5"),
                    new BigDecimal("1.75"),
                    7,
                    "100",
                    "106",
                    1_700_000_041_000_000L,
                    1_700_000_099_000_000L,
                    "",
                    "",
                    BigDecimal.ZERO,
                    true,
                    2);

    @Test
    void tradeRoundTripsAsPojo() throws Exception {
        assertThat(roundTrip(Trade.class, TRADE)).isEqualTo(TRADE);
    }

    @Test
    void candleRoundTripsAsPojo() throws Exception {
        assertThat(roundTrip(Candle.class, CANDLE)).isEqualTo(CANDLE);
    }

    @Test
    void consolidatedCandleAndOutlierRoundTripAsPojo() throws Exception {
        Candle consolidated =
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
                        7,
                        "1",
                        "9",
                        1L,
                        2L,
                        "binance,okx",
                        "bybit",
                        new BigDecimal("1.15"),
                        false,
                        0);
        assertThat(roundTrip(Candle.class, consolidated)).isEqualTo(consolidated);
        assertThat(consolidated.key()).startsWith("consolidated|ETH-USDT|1m|");
        OutlierEvent e =
                new OutlierEvent(
                        InstrumentId.parse("BTC-USDT"),
                        Venue.BINANCE,
                        5L,
                        OutlierEvent.OutlierRule.OFF_MARKET,
                        OutlierEvent.OutlierAction.EXCLUDED,
                        new BigDecimal("31000"),
                        new BigDecimal("30000"),
                        333.3,
                        6.0,
                        OutlierEvent.Severity.WARNING,
                        "");
        assertThat(roundTrip(OutlierEvent.class, e)).isEqualTo(e);
    }

    @Test
    void deadLetterRoundTripsAsPojo() throws Exception {
        DeadLetter dl = new DeadLetter(Venue.BINANCE, "bad_price", "price <= 0", "{}", 5L);
        assertThat(roundTrip(DeadLetter.class, dl)).isEqualTo(dl);
    }

    private static <T> T roundTrip(Class<T> type, T value) throws Exception {
        TypeInformation<T> info = TypeInformation.of(type);
        assertThat(info).isInstanceOf(PojoTypeInfo.class);
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false); // fail instead of falling back to Kryo
        TypeSerializer<T> serializer = info.createSerializer(config);
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(value, out);
        return serializer.deserialize(
                new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
    }
}
