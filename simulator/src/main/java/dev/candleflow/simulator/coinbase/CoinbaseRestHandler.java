package dev.candleflow.simulator.coinbase;

import dev.candleflow.simulator.rest.RestHandler;
import dev.candleflow.simulator.rest.RestRequest;
import dev.candleflow.simulator.rest.RestResponse;
import dev.candleflow.simulator.venue.TradeHistory;
import dev.candleflow.simulator.venue.VenueContext;
import dev.candleflow.simulator.venue.VenueTrade;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Coinbase Exchange's {@code GET /products/{product_id}/trades}, newest first, with cursor
 * pagination by {@code trade_id}.
 *
 * <p>Relied on docs.cdp.coinbase.com {@code /exchange/rest-api/pagination}: {@code before} "Request
 * page before (newer) this pagination id", {@code after} "Request page after (older)", {@code
 * limit} default and maximum 1000, cursors in the {@code CB-BEFORE}/{@code CB-AFTER} headers; and
 * {@code .../products/get-product-trades.md} ("side ... indicates the maker order side"). Unknown
 * products get HTTP 404 {@code {"message":"NotFound"}}.
 */
public final class CoinbaseRestHandler implements RestHandler {

    private static final Pattern PATH = Pattern.compile("/products/([^/]+)/trades/?");
    private static final int MAX_LIMIT = 1000;

    private final VenueContext context;

    public CoinbaseRestHandler(VenueContext context) {
        this.context = context;
    }

    @Override
    public RestResponse handle(RestRequest request) {
        Matcher m = PATH.matcher(request.path());
        if (!m.matches()) {
            return RestResponse.of(404, "{\"message\":\"route not found\"}");
        }
        String product = m.group(1);
        Optional<Long> limit = request.number("limit");
        Optional<Long> before = request.number("before");
        Optional<Long> after = request.number("after");
        Optional<String> bad = request.firstNonNumber("limit", "before", "after");
        if (bad.isPresent()) {
            return RestResponse.of(400, "{\"message\":\"Invalid " + bad.get() + "\"}");
        }
        if (limit.isPresent() && (limit.get() < 1 || limit.get() > MAX_LIMIT)) {
            return RestResponse.of(400, "{\"message\":\"Invalid limit\"}");
        }
        if (!context.listing().isListed(product)) {
            return RestResponse.of(404, "{\"message\":\"NotFound\"}");
        }
        int n = (int) (long) limit.orElse((long) MAX_LIMIT);
        long lo = before.map(b -> b + 1).orElse(Long.MIN_VALUE);
        long hi = after.map(a -> a - 1).orElse(Long.MAX_VALUE);
        // A "before" page is the one right after the cursor; otherwise the newest that match.
        boolean newest = before.isEmpty();
        List<VenueTrade> page =
                new ArrayList<>(
                        context.history()
                                .slice(product, TradeHistory.Key.SEQUENCE, lo, hi, n, newest));
        Collections.reverse(page);
        StringBuilder body = new StringBuilder(16 + page.size() * 120).append('[');
        for (int i = 0; i < page.size(); i++) {
            body.append(i == 0 ? "" : ",").append(CoinbaseMessages.restItem(page.get(i)));
        }
        body.append(']');
        Map<String, String> headers =
                page.isEmpty()
                        ? Map.of()
                        : Map.of(
                                "CB-BEFORE", page.get(0).tradeId(),
                                "CB-AFTER", page.get(page.size() - 1).tradeId());
        return new RestResponse(200, body.toString(), headers);
    }
}
