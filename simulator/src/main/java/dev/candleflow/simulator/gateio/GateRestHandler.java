package dev.candleflow.simulator.gateio;

import dev.candleflow.simulator.rest.RestHandler;
import dev.candleflow.simulator.rest.RestRequest;
import dev.candleflow.simulator.rest.RestResponse;
import dev.candleflow.simulator.venue.TradeHistory;
import dev.candleflow.simulator.venue.VenueContext;
import dev.candleflow.simulator.venue.VenueTrade;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Gate.io's {@code GET /api/v4/spot/trades?currency_pair=..&last_id=..&reverse=..&limit=..}.
 *
 * <p>Relied on the Gate v4 docs as mirrored in rosssaunders/coincise {@code
 * docs/gateio/endpoints/public/get_spot_trades.md} (commit a00ae58): {@code limit} default 100,
 * maximum 1000; {@code reverse} "Whether to retrieve data less than last_id. Default returns
 * records greater than last_id"; public fields {@code id, create_time, create_time_ms,
 * currency_pair, side, amount, price, sequence_id} ("Consecutive trade ID within a single market").
 * Without {@code last_id} the newest trades come first; after {@code last_id} they come in id
 * order. Errors use Gate's {@code {"label":..,"message":..}} with HTTP 400.
 */
public final class GateRestHandler implements RestHandler {

    static final String PATH = "/api/v4/spot/trades";
    private static final int MAX_LIMIT = 1000;

    private final VenueContext context;

    public GateRestHandler(VenueContext context) {
        this.context = context;
    }

    @Override
    public RestResponse handle(RestRequest request) {
        if (!request.path().equals(PATH)) {
            return RestResponse.of(404, "{\"label\":\"NOT_FOUND\",\"message\":\"Not found\"}");
        }
        Optional<String> pair = request.param("currency_pair").filter(s -> !s.isEmpty());
        if (pair.isEmpty()) {
            return error("MISSING_REQUIRED_PARAM", "Missing required parameter: currency_pair");
        }
        Optional<String> bad = request.firstNonNumber("limit", "last_id");
        String reverse = request.param("reverse").orElse("false");
        if (bad.isPresent() || !(reverse.equals("true") || reverse.equals("false"))) {
            return error("INVALID_PARAM_VALUE", "Invalid parameter: " + bad.orElse("reverse"));
        }
        long limit = request.number("limit").orElse(100L);
        if (limit < 1 || limit > MAX_LIMIT) {
            return error("INVALID_PARAM_VALUE", "limit must be within 1 and " + MAX_LIMIT);
        }
        if (!context.listing().isListed(pair.get())) {
            return error("INVALID_CURRENCY_PAIR", "Invalid currency pair: " + pair.get());
        }
        Optional<Long> lastId = request.number("last_id");
        TradeHistory.Key key = TradeHistory.Key.VENUE_SEQUENCE;
        List<VenueTrade> trades;
        if (lastId.isEmpty()) {
            trades = newestFirst(context.history().latest(pair.get(), (int) limit));
        } else if (reverse.equals("true")) {
            trades =
                    newestFirst(
                            context.history()
                                    .slice(
                                            pair.get(),
                                            key,
                                            Long.MIN_VALUE,
                                            lastId.get() - 1,
                                            (int) limit,
                                            true));
        } else {
            trades =
                    context.history()
                            .slice(
                                    pair.get(),
                                    key,
                                    lastId.get() + 1,
                                    Long.MAX_VALUE,
                                    (int) limit,
                                    false);
        }
        StringBuilder body = new StringBuilder(16 + trades.size() * 170).append('[');
        for (int i = 0; i < trades.size(); i++) {
            VenueTrade t = trades.get(i);
            body.append(i == 0 ? "" : ",")
                    .append("{\"id\":\"")
                    .append(t.tradeId())
                    .append("\",\"create_time\":\"")
                    .append(Math.floorDiv(t.eventTimeMicros(), 1_000_000L))
                    .append("\",\"create_time_ms\":\"")
                    .append(GateConnectionHandler.createTimeMs(t.eventTimeMicros()))
                    .append("\",\"currency_pair\":\"")
                    .append(t.symbol())
                    .append("\",\"side\":\"")
                    .append(t.takerSide().lowerCase())
                    .append("\",\"amount\":\"")
                    .append(t.quantity().toPlainString())
                    .append("\",\"price\":\"")
                    .append(t.price().toPlainString())
                    .append("\",\"sequence_id\":\"")
                    .append(t.sequence())
                    .append("\"}");
        }
        return RestResponse.ok(body.append(']').toString());
    }

    private static List<VenueTrade> newestFirst(List<VenueTrade> ascending) {
        List<VenueTrade> out = new ArrayList<>(ascending);
        Collections.reverse(out);
        return out;
    }

    private static RestResponse error(String label, String message) {
        return RestResponse.of(
                400, "{\"label\":\"" + label + "\",\"message\":\"" + message + "\"}");
    }
}
