package dev.candleflow.query.api;

import dev.candleflow.query.store.CachedReads;
import dev.candleflow.query.store.OutlierRow;
import dev.candleflow.query.store.SeriesCatalog;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code GET /v1/outliers}: the job's outlier decisions (fat-finger prints, venues excluded from or
 * re-admitted to the consolidated price), newest first, in [since, until) of at most 31 days.
 */
public final class OutliersEndpoint implements Endpoint {

    static final Set<String> PARAMS = Set.of("symbol", "venue", "since", "until", "limit");
    static final Duration DEFAULT_LOOKBACK = Duration.ofDays(7);
    static final Duration MAX_SPAN = Duration.ofDays(31);
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final CachedReads reads;

    public OutliersEndpoint(CachedReads reads) {
        this.reads = reads;
    }

    /** One outlier event; decimals as strings. */
    public record OutlierView(
            String symbol,
            String venue,
            long time,
            String rule,
            String action,
            String price,
            String reference,
            double deviationBps,
            double threshold,
            String severity,
            String tradeId) {}

    /** The response body: the range read and its events. */
    public record Body(long since, long until, List<OutlierView> data) {}

    @Override
    public ApiResponse handle(ApiRequest request) {
        Params p = Params.of(request.query(), PARAMS);
        SeriesCatalog catalog = reads.catalog();
        String symbol = "";
        if (p.text("symbol").isPresent()) {
            symbol = Params.symbol("symbol", p.text("symbol").get());
            Lookups.requireSymbol(catalog, symbol);
        }
        String venue =
                p.text("venue").isPresent()
                        ? Params.venue(
                                "venue", p.text("venue").get(), Lookups.venues(catalog, false))
                        : "";
        OptionalLong sinceParam = p.time("since");
        OptionalLong untilParam = p.time("until");
        long since =
                sinceParam.orElse(
                        Math.max(
                                0,
                                untilParam.orElse(request.nowMillis())
                                        - DEFAULT_LOOKBACK.toMillis()));
        long until = untilParam.orElse(Math.min(Params.MAX_TIME, since + MAX_SPAN.toMillis()));
        if (since >= until) {
            throw ApiException.badParameter("since", "'since' must be before 'until'");
        }
        if (until - since > MAX_SPAN.toMillis()) {
            throw ApiException.badParameter("until", "Range too wide: at most 31 days");
        }
        int limit = p.limit("limit", DEFAULT_LIMIT, MAX_LIMIT);
        List<OutlierView> data =
                reads.outliers(symbol, venue, since, until, limit).stream()
                        .map(OutliersEndpoint::view)
                        .toList();
        return ApiResponse.json(new Body(since, until, data));
    }

    private static OutlierView view(OutlierRow o) {
        return new OutlierView(
                o.symbol(),
                o.venue(),
                o.time(),
                o.rule(),
                o.action(),
                Json.decimal(o.price()),
                Json.decimal(o.reference()),
                o.deviationBps(),
                o.threshold(),
                o.severity(),
                o.tradeId());
    }
}
