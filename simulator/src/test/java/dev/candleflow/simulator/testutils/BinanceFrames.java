package dev.candleflow.simulator.testutils;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candleflow.simulator.market.SimTrade;
import java.math.BigDecimal;

/** Decodes Binance trade frames in tests, independently of the simulator's own code. */
public final class BinanceFrames {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BinanceFrames() {}

    public static JsonNode json(String frame) {
        try {
            return MAPPER.readTree(frame);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + frame, e);
        }
    }

    /** The trade in a raw payload, with price and quantity parsed exactly from the strings. */
    public static SimTrade trade(JsonNode payload) {
        return new SimTrade(
                payload.get("s").asText(),
                payload.get("t").asLong(),
                new BigDecimal(payload.get("p").asText()),
                new BigDecimal(payload.get("q").asText()),
                payload.get("T").asLong(),
                payload.get("m").asBoolean());
    }

    /** The trade in one item of a REST trade list ({@code /api/v3/historicalTrades}). */
    public static SimTrade restTrade(String symbol, JsonNode item) {
        return new SimTrade(
                symbol,
                item.get("id").asLong(),
                new BigDecimal(item.get("price").asText()),
                new BigDecimal(item.get("qty").asText()),
                item.get("time").asLong(),
                item.get("isBuyerMaker").asBoolean());
    }

    /** The trade in a combined-stream wrapper. */
    public static SimTrade wrappedTrade(String frame) {
        return trade(json(frame).get("data"));
    }
}
