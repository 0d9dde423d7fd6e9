package dev.candleflow.simulator.testutils;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candleflow.simulator.MarketSimulator;
import dev.candleflow.simulator.market.TradeSide;
import dev.candleflow.simulator.venue.VenueId;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A backfilling client's view of each venue's REST API: the trades that follow one it already has,
 * through the venue's own pagination. Written from the venues' documents, not from the simulator.
 */
public final class RestPager {

    private RestPager() {}

    /** Trades of {@code symbol} after {@code known} (possibly a few at or before it), one page. */
    public static List<SeenTrade> after(
            MarketSimulator sim, VenueId venue, String symbol, SeenTrade known) {
        String s = URLEncoder.encode(symbol, StandardCharsets.UTF_8);
        long id =
                venue == VenueId.KRAKEN || venue == VenueId.BITSTAMP
                        ? 0
                        : Long.parseLong(known.tradeId());
        String path =
                switch (venue) {
                    case BINANCE ->
                            "/api/v3/historicalTrades?symbol="
                                    + s
                                    + "&limit=1000&fromId="
                                    + (id + 1);
                    case OKX ->
                            "/api/v5/market/history-trades?instId="
                                    + s
                                    + "&before="
                                    + id
                                    + "&after="
                                    + (id + 101);
                    case COINBASE -> "/products/" + s + "/trades?limit=1000&before=" + id;
                    case KRAKEN ->
                            "/0/public/Trades?pair="
                                    + s
                                    + "&since="
                                    + known.eventTimeMillis() / 1000.0;
                    case BITSTAMP -> "/api/v2/transactions/" + s + "/?time=hour";
                    case GATEIO ->
                            "/api/v4/spot/trades?currency_pair=" + s + "&limit=1000&last_id=" + id;
                    case BYBIT ->
                            throw new IllegalArgumentException("Bybit has no REST trade history");
                };
        Http.Response r = Http.get(sim.restBaseUri(venue), path);
        if (r.status() != 200) {
            throw new AssertionError(venue + " " + path + " -> " + r.status() + " " + r.body());
        }
        return parse(venue, symbol, VenueWire.json(r.body()));
    }

    private static List<SeenTrade> parse(VenueId venue, String symbol, JsonNode body) {
        List<SeenTrade> out = new ArrayList<>();
        switch (venue) {
            case BINANCE ->
                    body.forEach(
                            i ->
                                    out.add(
                                            t(
                                                    symbol,
                                                    i.get("id"),
                                                    i.get("price"),
                                                    i.get("qty"),
                                                    i.get("time").asLong(),
                                                    !i.get("isBuyerMaker").asBoolean())));
            case OKX ->
                    body.get("data")
                            .forEach(
                                    i ->
                                            out.add(
                                                    t(
                                                            symbol,
                                                            i.get("tradeId"),
                                                            i.get("px"),
                                                            i.get("sz"),
                                                            i.get("ts").asLong(),
                                                            i.get("side").asText().equals("buy"))));
            case COINBASE ->
                    body.forEach(
                            i ->
                                    out.add(
                                            t(
                                                    symbol,
                                                    i.get("trade_id"),
                                                    i.get("price"),
                                                    i.get("size"),
                                                    Instant.parse(i.get("time").asText())
                                                            .toEpochMilli(),
                                                    i.get("side").asText().equals("sell"))));
            case KRAKEN -> {
                JsonNode result = body.get("result");
                result.fieldNames()
                        .forEachRemaining(
                                key -> {
                                    if (!key.equals("last")) {
                                        result.get(key)
                                                .forEach(
                                                        i ->
                                                                out.add(
                                                                        t(
                                                                                symbol,
                                                                                i.get(6),
                                                                                i.get(0),
                                                                                i.get(1),
                                                                                i.get(2)
                                                                                        .decimalValue()
                                                                                        .movePointRight(
                                                                                                3)
                                                                                        .longValue(),
                                                                                i.get(3)
                                                                                        .asText()
                                                                                        .equals(
                                                                                                "b"))));
                                    }
                                });
            }
            case BITSTAMP ->
                    body.forEach(
                            i ->
                                    out.add(
                                            t(
                                                    symbol,
                                                    i.get("tid"),
                                                    i.get("price"),
                                                    i.get("amount"),
                                                    i.get("date").asLong() * 1000L,
                                                    i.get("type").asText().equals("0"))));
            case GATEIO ->
                    body.forEach(
                            i ->
                                    out.add(
                                            t(
                                                    symbol,
                                                    i.get("id"),
                                                    i.get("price"),
                                                    i.get("amount"),
                                                    new BigDecimal(i.get("create_time_ms").asText())
                                                            .longValue(),
                                                    i.get("side").asText().equals("buy"))));
            case BYBIT -> throw new IllegalArgumentException("no REST");
        }
        return out;
    }

    private static SeenTrade t(
            String symbol, JsonNode id, JsonNode price, JsonNode qty, long ms, boolean takerBuys) {
        return new SeenTrade(
                symbol,
                id.asText(),
                VenueWire.decimal(price),
                VenueWire.decimal(qty),
                ms,
                takerBuys ? TradeSide.BUY : TradeSide.SELL);
    }
}
