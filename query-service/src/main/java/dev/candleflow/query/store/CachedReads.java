package dev.candleflow.query.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.candleflow.query.config.QueryServiceConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The hot reads, cached in memory for {@code cache.ttl} (2 s by default): a response can be that
 * much staler than ClickHouse, on top of the job's own delay (a candle reaches ClickHouse about one
 * batch interval after it closes). The catalog of series is cached for {@code cache.catalog-ttl}.
 * Failures are never cached.
 */
public final class CachedReads {

    private final CandleQueries queries;
    private final Cache<Object, Object> hot;
    private final Cache<String, SeriesCatalog> catalog;

    public CachedReads(
            CandleQueries queries, QueryServiceConfig.Cache config, MeterRegistry metrics) {
        this.queries = queries;
        this.hot =
                Caffeine.newBuilder()
                        .expireAfterWrite(config.ttl())
                        .maximumSize(config.maxEntries())
                        .recordStats()
                        .build();
        this.catalog =
                Caffeine.newBuilder()
                        .expireAfterWrite(config.catalogTtl())
                        .maximumSize(1)
                        .recordStats()
                        .build();
        CaffeineCacheMetrics.monitor(metrics, hot, "reads");
        CaffeineCacheMetrics.monitor(metrics, catalog, "catalog");
    }

    record CandlesKey(
            String venue,
            String symbol,
            String interval,
            long from,
            long to,
            int limit,
            boolean descending) {}

    record LastOpenKey(String venue, String symbol, String interval) {}

    record PricesKey(List<String> symbols, String interval) {}

    record OutliersKey(String symbol, String venue, long since, long until, int limit) {}

    public List<CandleRow> candles(
            String venue,
            String symbol,
            String interval,
            long from,
            long to,
            int limit,
            boolean descending) {
        return get(
                new CandlesKey(venue, symbol, interval, from, to, limit, descending),
                () -> queries.candles(venue, symbol, interval, from, to, limit, descending));
    }

    public OptionalLong lastOpenTime(String venue, String symbol, String interval) {
        return get(
                new LastOpenKey(venue, symbol, interval),
                () -> queries.lastOpenTime(venue, symbol, interval));
    }

    public SeriesCatalog catalog() {
        return catalog.get("catalog", k -> queries.catalog());
    }

    public List<VenuePrice> latestPrices(List<String> symbols, String interval) {
        return get(
                new PricesKey(List.copyOf(symbols), interval),
                () -> queries.latestPrices(symbols, interval));
    }

    public List<OutlierRow> outliers(
            String symbol, String venue, long since, long until, int limit) {
        return get(
                new OutliersKey(symbol, venue, since, until, limit),
                () -> queries.outliers(symbol, venue, since, until, limit));
    }

    public List<FeedHealthRow> feedHealth() {
        return get("feed-health", queries::feedHealth);
    }

    @SuppressWarnings("unchecked")
    private <T> T get(Object key, Supplier<T> load) {
        return (T) hot.get(key, k -> load.get());
    }
}
