package dev.candleflow.simulator.okx;

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
 * OKX v5 market trades over REST: {@code GET /api/v5/market/history-trades} (paginated by trade id,
 * {@code type=1}, or by time, {@code type=2}) and {@code GET /api/v5/market/trades} (latest).
 *
 * <p>Relied on the OKX v5 docs as mirrored in rosssaunders/coincise {@code
 * docs/okx/order_book_trading.md} (commit a00ae58): "GET / Trades history" parameters {@code
 * instId}, {@code type} (1: tradeId, 2: timestamp), {@code after} ("records earlier than the
 * requested tradeId or ts"), {@code before} ("records newer than the requested tradeId ... The
 * latest data will be returned when using before individually"), {@code limit} ("maximum and
 * default both are 100"); response fields {@code instId, tradeId, px, sz, side, source, ts}; error
 * codes from {@code docs/okx/error_code.md} (50014 with HTTP 400, 51000 with 400, 51001 with 200).
 * Results come newest first, as OKX returns them; a limit above the maximum is clamped.
 */
public final class OkxRestHandler implements RestHandler {

    static final String HISTORY = "/api/v5/market/history-trades";
    static final String RECENT = "/api/v5/market/trades";

    private final VenueContext context;

    public OkxRestHandler(VenueContext context) {
        this.context = context;
    }

    @Override
    public RestResponse handle(RestRequest request) {
        boolean history = request.path().equals(HISTORY);
        if (!history && !request.path().equals(RECENT)) {
            return RestResponse.of(404, "{\"msg\":\"\",\"code\":\"404\"}");
        }
        Optional<String> instId = request.param("instId").filter(s -> !s.isEmpty());
        if (instId.isEmpty()) {
            return error(400, "50014", "Parameter instId can not be empty.");
        }
        int max = history ? 100 : 500;
        Optional<Long> limit = request.number("limit");
        Optional<Long> after = request.number("after");
        Optional<Long> before = request.number("before");
        String type = request.param("type").orElse("1");
        Optional<String> bad = request.firstNonNumber("limit", "after", "before");
        if (bad.isPresent()) {
            return error(400, "51000", "Parameter " + bad.get() + " error");
        }
        if (!type.equals("1") && !type.equals("2") || (type.equals("2") && before.isPresent())) {
            return error(
                    400, "51000", "Parameter " + (type.equals("2") ? "before" : "type") + " error");
        }
        if (limit.isPresent() && limit.get() < 1) {
            return error(400, "51000", "Parameter limit error");
        }
        if (!context.listing().isListed(instId.get())) {
            return error(
                    200, "51001", "Instrument ID, Instrument ID code or Spread ID doesn't exist.");
        }
        int n = (int) Math.min(limit.orElse(100L), max);
        List<VenueTrade> trades;
        if (history && type.equals("2")) {
            long hi = after.map(ts -> ts * 1000L - 1).orElse(Long.MAX_VALUE);
            trades =
                    context.history()
                            .slice(
                                    instId.get(),
                                    TradeHistory.Key.TIME,
                                    Long.MIN_VALUE,
                                    hi,
                                    n,
                                    true);
        } else {
            long lo = history ? before.map(b -> b + 1).orElse(Long.MIN_VALUE) : Long.MIN_VALUE;
            long hi = history ? after.map(a -> a - 1).orElse(Long.MAX_VALUE) : Long.MAX_VALUE;
            trades =
                    context.history()
                            .slice(instId.get(), TradeHistory.Key.SEQUENCE, lo, hi, n, true);
        }
        List<VenueTrade> newestFirst = new ArrayList<>(trades);
        Collections.reverse(newestFirst);
        return RestResponse.ok("{\"code\":\"0\",\"msg\":\"\",\"data\":" + json(newestFirst) + "}");
    }

    static String json(List<VenueTrade> trades) {
        StringBuilder out = new StringBuilder(16 + trades.size() * 140).append('[');
        for (int i = 0; i < trades.size(); i++) {
            VenueTrade t = trades.get(i);
            out.append(i == 0 ? "" : ",")
                    .append("{\"instId\":\"")
                    .append(t.symbol())
                    .append("\",\"side\":\"")
                    .append(t.takerSide().lowerCase())
                    .append("\",\"sz\":\"")
                    .append(t.quantity().toPlainString())
                    .append("\",\"px\":\"")
                    .append(t.price().toPlainString())
                    .append("\",\"source\":\"0\",\"tradeId\":\"")
                    .append(t.tradeId())
                    .append("\",\"ts\":\"")
                    .append(t.eventTimeMillis())
                    .append("\"}");
        }
        return out.append(']').toString();
    }

    private static RestResponse error(int status, String code, String msg) {
        return RestResponse.of(
                status, "{\"code\":\"" + code + "\",\"msg\":\"" + msg + "\",\"data\":[]}");
    }
}
