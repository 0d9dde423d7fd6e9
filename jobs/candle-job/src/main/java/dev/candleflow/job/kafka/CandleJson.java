package dev.candleflow.job.kafka;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candleflow.model.Candle;
import dev.candleflow.model.CandleInterval;
import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Venue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * The JSON value of a candle on Kafka (schema in the README). Decimals are strings, so no consumer
 * parses them through binary floating point; times are epoch milliseconds, UTC.
 *
 * <pre>{@code
 * {"venue":"binance","symbol":"BTC-USDT","interval":"1m","openTime":1700000040000,
 *  "closeTime":1700000100000,"open":"30236.12","high":"30240.00","low":"30230.50",
 *  "close":"30239.99","volume":"1.2345","quoteVolume":"37321.12","vwap":"30230.12",
 *  "takerBuyVolume":"0.5","takerBuyQuoteVolume":"15115.06","tradeCount":42,
 *  "firstTradeId":"100","lastTradeId":"141","final":true,"revision":0}
 * }</pre>
 */
public final class CandleJson {

    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CandleJson() {}

    public static byte[] toJson(Candle c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("venue", c.source());
            g.writeStringField("symbol", c.instrument().toString());
            g.writeStringField("interval", c.interval().label());
            g.writeNumberField("openTime", c.openTimeMicros() / 1000L);
            g.writeNumberField("closeTime", c.closeTimeMicros() / 1000L);
            decimal(g, "open", c.open());
            decimal(g, "high", c.high());
            decimal(g, "low", c.low());
            decimal(g, "close", c.close());
            decimal(g, "volume", c.volume());
            decimal(g, "quoteVolume", c.quoteVolume());
            decimal(g, "vwap", c.vwap());
            decimal(g, "takerBuyVolume", c.takerBuyVolume());
            decimal(g, "takerBuyQuoteVolume", c.takerBuyQuoteVolume());
            g.writeNumberField("tradeCount", c.tradeCount());
            g.writeStringField("firstTradeId", c.firstTradeId());
            g.writeStringField("lastTradeId", c.lastTradeId());
            g.writeNumberField("firstTradeTimeUs", c.firstTradeTimeMicros());
            g.writeNumberField("lastTradeTimeUs", c.lastTradeTimeMicros());
            if (c.isConsolidated()) {
                venues(g, "includedVenues", c.includedVenues());
                venues(g, "excludedVenues", c.excludedVenues());
                decimal(g, "medianPrice", c.medianPrice());
            }
            g.writeBooleanField("final", c.isFinal());
            g.writeNumberField("revision", c.revision());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write candle JSON", e);
        }
        return out.toByteArray();
    }

    private static void venues(JsonGenerator g, String name, String csv) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : csv.split(",")) {
            if (!v.isEmpty()) {
                g.writeString(v);
            }
        }
        g.writeEndArray();
    }

    private static void decimal(JsonGenerator g, String name, BigDecimal v) throws IOException {
        g.writeStringField(name, v.toPlainString());
    }

    private static Venue venue(String source) {
        return Candle.CONSOLIDATED.equals(source) ? null : Venue.fromId(source);
    }

    private static String csv(JsonNode array) {
        java.util.List<String> out = new java.util.ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return String.join(",", out);
    }

    /** Reads a candle back; for consumers in Java and for tests. */
    public static Candle fromJson(byte[] json) {
        try {
            JsonNode n = MAPPER.readTree(json);
            return new Candle(
                    venue(n.get("venue").asText()),
                    InstrumentId.parse(n.get("symbol").asText()),
                    CandleInterval.fromLabel(n.get("interval").asText()),
                    n.get("openTime").asLong() * 1000L,
                    new BigDecimal(n.get("open").asText()),
                    new BigDecimal(n.get("high").asText()),
                    new BigDecimal(n.get("low").asText()),
                    new BigDecimal(n.get("close").asText()),
                    new BigDecimal(n.get("volume").asText()),
                    new BigDecimal(n.get("quoteVolume").asText()),
                    new BigDecimal(n.get("vwap").asText()),
                    new BigDecimal(n.get("takerBuyVolume").asText()),
                    new BigDecimal(n.get("takerBuyQuoteVolume").asText()),
                    n.get("tradeCount").asLong(),
                    n.get("firstTradeId").asText(),
                    n.get("lastTradeId").asText(),
                    n.path("firstTradeTimeUs").asLong(),
                    n.path("lastTradeTimeUs").asLong(),
                    csv(n.path("includedVenues")),
                    csv(n.path("excludedVenues")),
                    new BigDecimal(n.path("medianPrice").asText("0")),
                    n.get("final").asBoolean(),
                    n.get("revision").asInt());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read candle JSON", e);
        }
    }
}
