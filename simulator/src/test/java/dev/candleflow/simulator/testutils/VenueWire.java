package dev.candleflow.simulator.testutils;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candleflow.simulator.market.TradeSide;
import dev.candleflow.simulator.venue.VenueId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a client of each venue sends and how it reads trades, written from the venues' documents and
 * independent of the simulator's own code.
 */
public final class VenueWire {

    private static final ObjectMapper EXACT =
            new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private VenueWire() {}

    /** The request target of a connection that will subscribe by message. */
    public static String path(VenueId venue) {
        return switch (venue) {
            case BINANCE -> "/ws";
            case BYBIT -> "/v5/public/spot";
            case OKX -> "/ws/v5/public";
            case COINBASE, BITSTAMP -> "/";
            case KRAKEN -> "/v2";
            case GATEIO -> "/ws/v4/";
        };
    }

    /** The trade subscription for one venue symbol. */
    public static String subscribe(VenueId venue, String symbol) {
        return switch (venue) {
            case BINANCE ->
                    "{\"method\":\"SUBSCRIBE\",\"params\":[\""
                            + symbol.toLowerCase(Locale.ROOT)
                            + "@trade\"],\"id\":1}";
            case BYBIT ->
                    "{\"req_id\":\"s1\",\"op\":\"subscribe\",\"args\":[\"publicTrade."
                            + symbol
                            + "\"]}";
            case OKX ->
                    "{\"op\":\"subscribe\",\"args\":[{\"channel\":\"trades\",\"instId\":\""
                            + symbol
                            + "\"}]}";
            case COINBASE ->
                    "{\"type\":\"subscribe\",\"product_ids\":[\""
                            + symbol
                            + "\"],\"channels\":[\"matches\"]}";
            case KRAKEN ->
                    "{\"method\":\"subscribe\",\"params\":{\"channel\":\"trade\",\"symbol\":[\""
                            + symbol
                            + "\"],\"snapshot\":false}}";
            case BITSTAMP ->
                    "{\"event\":\"bts:subscribe\",\"data\":{\"channel\":\"live_trades_"
                            + symbol
                            + "\"}}";
            case GATEIO ->
                    "{\"time\":1,\"channel\":\"spot.trades\",\"event\":\"subscribe\",\"payload\":[\""
                            + symbol
                            + "\"]}";
        };
    }

    /** The venue's application-level ping, if it has one. */
    public static String ping(VenueId venue) {
        return switch (venue) {
            case BINANCE -> null;
            case BYBIT -> "{\"req_id\":\"p1\",\"op\":\"ping\"}";
            case OKX -> "ping";
            case COINBASE -> null;
            case KRAKEN -> "{\"method\":\"ping\",\"req_id\":7}";
            case BITSTAMP -> "{\"event\":\"bts:heartbeat\"}";
            case GATEIO -> "{\"time\":1,\"channel\":\"spot.ping\"}";
        };
    }

    /** Whether {@code frame} answers the venue's ping. */
    public static boolean isPong(VenueId venue, String frame) {
        return switch (venue) {
            case BINANCE, COINBASE -> false;
            case BYBIT -> frame.contains("\"ret_msg\":\"pong\"");
            case OKX -> frame.equals("pong");
            case KRAKEN -> frame.contains("\"method\":\"pong\"");
            case BITSTAMP -> frame.contains("\"event\":\"bts:heartbeat\"");
            case GATEIO -> frame.contains("\"channel\":\"spot.pong\"");
        };
    }

    /** The trades in one frame; empty for control frames, and for frames that are not JSON. */
    public static List<SeenTrade> trades(VenueId venue, String frame) {
        List<SeenTrade> out = new ArrayList<>();
        JsonNode n;
        try {
            n = EXACT.readTree(frame);
        } catch (JsonProcessingException e) {
            return out;
        }
        if (n == null) {
            return out;
        }
        switch (venue) {
            case BINANCE -> {
                JsonNode d = n.has("data") ? n.get("data") : n;
                if ("trade".equals(d.path("e").asText())) {
                    out.add(
                            t(
                                    d,
                                    "s",
                                    "t",
                                    "p",
                                    "q",
                                    d.get("T").asLong(),
                                    d.get("m").asBoolean() ? TradeSide.SELL : TradeSide.BUY));
                }
            }
            case BYBIT -> {
                for (JsonNode d : n.path("data")) {
                    out.add(
                            t(
                                    d,
                                    "s",
                                    "i",
                                    "p",
                                    "v",
                                    d.get("T").asLong(),
                                    side(d.get("S").asText())));
                }
            }
            case OKX -> {
                if (n.path("arg").path("channel").asText().equals("trades")) {
                    for (JsonNode d : n.path("data")) {
                        out.add(
                                t(
                                        d,
                                        "instId",
                                        "tradeId",
                                        "px",
                                        "sz",
                                        d.get("ts").asLong(),
                                        side(d.get("side").asText())));
                    }
                }
            }
            case COINBASE -> {
                if (n.path("type").asText().equals("match")) {
                    // side is the maker's: a "sell" maker means the taker bought.
                    TradeSide taker =
                            n.get("side").asText().equals("sell") ? TradeSide.BUY : TradeSide.SELL;
                    out.add(
                            t(
                                    n,
                                    "product_id",
                                    "trade_id",
                                    "price",
                                    "size",
                                    millis(n.get("time").asText()),
                                    taker));
                }
            }
            case KRAKEN -> {
                if (n.path("channel").asText().equals("trade")) {
                    for (JsonNode d : n.path("data")) {
                        out.add(
                                t(
                                        d,
                                        "symbol",
                                        "trade_id",
                                        "price",
                                        "qty",
                                        millis(d.get("timestamp").asText()),
                                        side(d.get("side").asText())));
                    }
                }
            }
            case BITSTAMP -> {
                if (n.path("event").asText().equals("trade")) {
                    JsonNode d = n.get("data");
                    String symbol = n.get("channel").asText().substring("live_trades_".length());
                    out.add(
                            new SeenTrade(
                                    symbol,
                                    d.get("id").asText(),
                                    new BigDecimal(d.get("price_str").asText()),
                                    new BigDecimal(d.get("amount_str").asText()),
                                    d.get("microtimestamp").asLong() / 1000L,
                                    d.get("type").asInt() == 0 ? TradeSide.BUY : TradeSide.SELL));
                }
            }
            case GATEIO -> {
                if (n.path("event").asText().equals("update")) {
                    JsonNode d = n.get("result");
                    long ms = new BigDecimal(d.get("create_time_ms").asText()).longValue();
                    out.add(
                            t(
                                    d,
                                    "currency_pair",
                                    "id",
                                    "price",
                                    "amount",
                                    ms,
                                    side(d.get("side").asText())));
                }
            }
        }
        return out;
    }

    private static SeenTrade t(
            JsonNode d,
            String symbol,
            String id,
            String price,
            String qty,
            long ms,
            TradeSide side) {
        return new SeenTrade(
                d.get(symbol).asText(),
                d.get(id).asText(),
                decimal(d.get(price)),
                decimal(d.get(qty)),
                ms,
                side);
    }

    /** A decimal from a JSON string, or exactly from a JSON number (Kraken v2 sends numbers). */
    public static BigDecimal decimal(JsonNode node) {
        return node.isNumber() ? node.decimalValue() : new BigDecimal(node.asText());
    }

    /** Parses JSON keeping numbers exact. */
    public static JsonNode json(String frame) {
        try {
            return EXACT.readTree(frame);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + frame, e);
        }
    }

    private static TradeSide side(String text) {
        return text.equalsIgnoreCase("buy") ? TradeSide.BUY : TradeSide.SELL;
    }

    private static long millis(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }
}
