package dev.candleflow.query.api;

import dev.candleflow.model.CandleInterval;
import dev.candleflow.query.config.QueryServiceConfig;
import dev.candleflow.query.store.CachedReads;
import dev.candleflow.query.store.CandleRow;
import dev.candleflow.query.store.SeriesCatalog;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code GET /v1/candles}: final candles of one series (newest revision, FINAL), in [from, to),
 * paged with an opaque cursor, as JSON or (Accept: text/csv) CSV. One request reads at most {@code
 * query.max-span} intervals and {@code query.max-limit} rows.
 */
public final class CandlesEndpoint implements Endpoint {

    static final Set<String> PARAMS =
            Set.of("symbol", "venue", "interval", "from", "to", "limit", "order", "cursor");
    static final int DEFAULT_LIMIT = 500;

    private final CachedReads reads;
    private final QueryServiceConfig.Query bounds;

    public CandlesEndpoint(CachedReads reads, QueryServiceConfig.Query bounds) {
        this.reads = reads;
        this.bounds = bounds;
    }

    /** The resolved request: series, range, page size, order and (when paging) position. */
    record Page(
            String venue,
            String symbol,
            CandleInterval interval,
            long from,
            long to,
            int limit,
            boolean descending,
            Long after) {}

    /** One page of candles and the cursor of the next, if any. */
    public record Body(
            String symbol,
            String venue,
            String interval,
            long from,
            long to,
            String order,
            int limit,
            List<CandleView> data,
            String nextCursor) {}

    @Override
    public ApiResponse handle(ApiRequest request) {
        Page page = resolve(Params.of(request.query(), PARAMS), request.nowMillis());
        long from = page.from();
        long to = page.to();
        if (page.after() != null) {
            if (page.descending()) {
                to = Math.min(to, page.after());
            } else {
                from = Math.max(from, page.after() + 1);
            }
        }
        List<CandleRow> rows =
                from >= to
                        ? List.of()
                        : reads.candles(
                                page.venue(),
                                page.symbol(),
                                page.interval().label(),
                                from,
                                to,
                                page.limit() + 1,
                                page.descending());
        String next = null;
        if (rows.size() > page.limit()) {
            rows = rows.subList(0, page.limit());
            long last = rows.get(rows.size() - 1).openTime();
            long series = Cursor.series(page.venue(), page.symbol(), page.interval().label());
            next = new Cursor(page.descending(), last, page.from(), page.to(), series).encode();
        }
        ApiResponse response =
                request.wantsCsv()
                        ? ApiResponse.text(200, "text/csv; charset=utf-8", CandleCsv.write(rows))
                        : ApiResponse.json(body(page, rows, next));
        if (next != null) {
            response.withHeader("Link", "<" + nextLink(request, next) + ">; rel=\"next\"");
            response.withHeader("X-Next-Cursor", next);
        }
        return response;
    }

    Page resolve(Params p, long now) {
        String symbol = Params.symbol("symbol", p.required("symbol"));
        SeriesCatalog catalog = reads.catalog();
        Lookups.requireSymbol(catalog, symbol);
        String venue = Params.venue("venue", p.required("venue"), Lookups.venues(catalog, true));
        CandleInterval interval = p.interval("interval", CandleInterval.M1);
        int limit = p.limit("limit", DEFAULT_LIMIT, bounds.maxLimit());
        boolean descending = p.descending("order");
        long maxSpan = bounds.maxSpanIntervals() * interval.length().toMillis();
        if (p.text("cursor").isPresent()) {
            long series = Cursor.series(venue, symbol, interval.label());
            Cursor c = Cursor.decode(p.text("cursor").get(), series);
            if (c.descending() != descending) {
                throw ApiException.badParameter(
                        "cursor", "This cursor was made for the other order");
            }
            checkSpan(c.from(), c.to(), maxSpan, interval, "cursor");
            return new Page(
                    venue, symbol, interval, c.from(), c.to(), limit, descending, c.lastOpenTime());
        }
        long[] range = range(p, venue, symbol, interval, maxSpan, now);
        return new Page(venue, symbol, interval, range[0], range[1], limit, descending, null);
    }

    /**
     * [from, to): as given; without {@code to}, just after the series' newest candle (or now);
     * without {@code from}, the widest allowed span before {@code to}.
     */
    private long[] range(
            Params p,
            String venue,
            String symbol,
            CandleInterval interval,
            long maxSpan,
            long now) {
        OptionalLong fromParam = p.time("from");
        OptionalLong toParam = p.time("to");
        long to;
        if (toParam.isPresent()) {
            to = toParam.getAsLong();
        } else if (fromParam.isPresent()) {
            to = Math.min(Params.MAX_TIME, fromParam.getAsLong() + maxSpan);
        } else {
            OptionalLong last = reads.lastOpenTime(venue, symbol, interval.label());
            to = last.isPresent() ? last.getAsLong() + 1 : Math.min(now, Params.MAX_TIME);
        }
        long from = fromParam.isPresent() ? fromParam.getAsLong() : Math.max(0, to - maxSpan);
        checkSpan(from, to, maxSpan, interval, fromParam.isPresent() ? "from" : "to");
        return new long[] {from, to};
    }

    private void checkSpan(
            long from, long to, long maxSpan, CandleInterval interval, String param) {
        if (from >= to) {
            throw ApiException.badParameter(param, "'from' must be before 'to'");
        }
        if (to - from > maxSpan) {
            throw ApiException.badParameter(
                    param,
                    "Range too wide: at most "
                            + bounds.maxSpanIntervals()
                            + " "
                            + interval.label()
                            + " intervals per request; page with the cursor or narrow from/to");
        }
    }

    private static Body body(Page page, List<CandleRow> rows, String next) {
        return new Body(
                page.symbol(),
                page.venue(),
                page.interval().label(),
                page.from(),
                page.to(),
                page.descending() ? "desc" : "asc",
                page.limit(),
                rows.stream().map(CandleView::of).toList(),
                next);
    }

    private static String nextLink(ApiRequest request, String cursor) {
        StringBuilder q = new StringBuilder();
        for (var e : request.query().entrySet()) {
            if (!e.getKey().equals("cursor")) {
                q.append(q.length() == 0 ? "?" : "&")
                        .append(enc(e.getKey()))
                        .append('=')
                        .append(enc(e.getValue().get(0)));
            }
        }
        q.append(q.length() == 0 ? "?" : "&").append("cursor=").append(enc(cursor));
        return request.path() + q;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
