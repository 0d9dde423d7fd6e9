package dev.candleflow.query.api;

import dev.candleflow.model.CandleInterval;
import dev.candleflow.query.store.CachedReads;
import dev.candleflow.query.store.CandleRow;
import dev.candleflow.query.store.SeriesCatalog;
import dev.candleflow.query.store.VenuePrice;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /v1/prices/latest}: per symbol, the consolidated last price, its 24 h change and
 * volume, the venues it included and excluded, and each venue's price against it. Before the job
 * writes consolidated candles, the venue with the largest 24 h quote volume is the reference
 * ({@code consolidated: false}).
 */
public final class PricesEndpoint implements Endpoint {

    static final Set<String> PARAMS = Set.of("symbols");
    static final int MAX_SYMBOLS = 50;

    private final CachedReads reads;
    private final CandleInterval interval;

    public PricesEndpoint(CachedReads reads, CandleInterval interval) {
        this.reads = reads;
        this.interval = interval;
    }

    /** One venue's last price and its deviation from the reference. */
    public record VenueView(
            String venue,
            String price,
            long time,
            String deviationBps,
            boolean excluded,
            String volume24h) {}

    /** One symbol's reference price and its venues. */
    public record SymbolPrice(
            String symbol,
            String interval,
            String source,
            boolean consolidated,
            String price,
            long time,
            String open24h,
            String change24h,
            String change24hPct,
            String volume24h,
            String quoteVolume24h,
            List<String> includedVenues,
            List<String> excludedVenues,
            List<VenueView> venues) {}

    /** All requested symbols that have candles at the interval; {@code missing} the others. */
    public record Body(List<SymbolPrice> data, List<String> missing) {}

    @Override
    public ApiResponse handle(ApiRequest request) {
        Params p = Params.of(request.query(), PARAMS);
        SeriesCatalog catalog = reads.catalog();
        List<String> symbols =
                p.text("symbols").isPresent()
                        ? p.symbols("symbols", MAX_SYMBOLS)
                        : catalog.symbols().stream().limit(MAX_SYMBOLS).toList();
        symbols.forEach(s -> Lookups.requireSymbol(catalog, s));
        Map<String, List<VenuePrice>> bySymbol = new LinkedHashMap<>();
        symbols.forEach(s -> bySymbol.put(s, new ArrayList<>()));
        if (!symbols.isEmpty()) {
            for (VenuePrice v : reads.latestPrices(symbols, interval.label())) {
                bySymbol.computeIfAbsent(v.symbol(), k -> new ArrayList<>()).add(v);
            }
        }
        List<SymbolPrice> data = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        bySymbol.forEach(
                (symbol, venues) -> {
                    if (venues.isEmpty()) {
                        missing.add(symbol);
                    } else {
                        data.add(price(symbol, venues));
                    }
                });
        return ApiResponse.json(new Body(data, missing));
    }

    private SymbolPrice price(String symbol, List<VenuePrice> rows) {
        VenuePrice consolidated =
                rows.stream()
                        .filter(v -> CandleRow.CONSOLIDATED.equals(v.venue()))
                        .findFirst()
                        .orElse(null);
        List<VenuePrice> venues =
                rows.stream().filter(v -> !CandleRow.CONSOLIDATED.equals(v.venue())).toList();
        VenuePrice ref =
                consolidated != null
                        ? consolidated
                        : venues.stream()
                                .max(Comparator.comparing(VenuePrice::quoteVolume))
                                .orElseThrow();
        List<String> included =
                consolidated != null
                        ? ref.includedVenues()
                        : venues.stream().map(VenuePrice::venue).toList();
        List<String> excluded = consolidated != null ? ref.excludedVenues() : List.of();
        List<VenueView> views = views(venues, ref, excluded);
        BigDecimal change = ref.lastPrice().subtract(ref.openPrice());
        return new SymbolPrice(
                symbol,
                interval.label(),
                ref.venue(),
                consolidated != null,
                Json.decimal(ref.lastPrice()),
                ref.lastCloseTime(),
                Json.decimal(ref.openPrice()),
                Json.decimal(change),
                percent(change, ref.openPrice()),
                Json.decimal(ref.volume()),
                Json.decimal(ref.quoteVolume()),
                included,
                excluded,
                views);
    }

    private static List<VenueView> views(
            List<VenuePrice> venues, VenuePrice ref, List<String> excluded) {
        List<VenueView> views = new ArrayList<>();
        for (VenuePrice v : venues) {
            views.add(
                    new VenueView(
                            v.venue(),
                            Json.decimal(v.lastPrice()),
                            v.lastCloseTime(),
                            bps(v.lastPrice(), ref.lastPrice()),
                            excluded.contains(v.venue()),
                            Json.decimal(v.volume())));
        }
        return views;
    }

    static String bps(BigDecimal price, BigDecimal reference) {
        if (reference.signum() == 0) {
            return "0";
        }
        BigDecimal d = price.subtract(reference).multiply(BigDecimal.valueOf(10_000));
        return d.divide(reference, 2, RoundingMode.HALF_EVEN).toPlainString();
    }

    static String percent(BigDecimal change, BigDecimal base) {
        if (base.signum() == 0) {
            return "0";
        }
        return change.multiply(BigDecimal.valueOf(100))
                .divide(base, 4, RoundingMode.HALF_EVEN)
                .toPlainString();
    }
}
