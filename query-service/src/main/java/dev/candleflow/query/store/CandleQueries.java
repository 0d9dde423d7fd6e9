package dev.candleflow.query.store;

import com.clickhouse.client.api.query.GenericRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Every SQL statement of the query service, in one place. The text is constant: values travel as
 * ClickHouse server-side parameters ({@code {name:Type}}), and the database is the connection's
 * default, so no user input is ever part of a statement. Candles are read with {@code FINAL}, so
 * each candle is its newest revision; every candle query is bounded by the table's sort key prefix
 * (venue, symbol, interval) plus an open-time range and a LIMIT.
 */
public final class CandleQueries {

    private static final String CANDLE_COLUMNS =
            "venue, symbol, interval, toUnixTimestamp64Milli(open_time) AS open_ms,"
                + " toUnixTimestamp64Milli(close_time) AS close_ms, open, high, low, close, volume,"
                + " quote_volume, vwap, taker_buy_volume, taker_buy_quote_volume, trade_count,"
                + " first_trade_id, last_trade_id, toUnixTimestamp64Micro(first_trade_time) AS"
                + " first_trade_us, toUnixTimestamp64Micro(last_trade_time) AS last_trade_us,"
                + " is_final, revision, included_venues, excluded_venues, median_price";

    private static final String CANDLES_IN_RANGE =
            "SELECT "
                    + CANDLE_COLUMNS
                    + " FROM candles FINAL WHERE venue = {venue:String} AND symbol ="
                    + " {symbol:String} AND interval = {interval:String} AND open_time >="
                    + " fromUnixTimestamp64Milli({from:Int64}, 'UTC') AND open_time <"
                    + " fromUnixTimestamp64Milli({to:Int64}, 'UTC') AND is_final";

    static final String CANDLES_ASC =
            CANDLES_IN_RANGE + " ORDER BY open_time ASC LIMIT {limit:UInt32}";
    static final String CANDLES_DESC =
            CANDLES_IN_RANGE + " ORDER BY open_time DESC LIMIT {limit:UInt32}";

    /** Newest final candle of a series; reads the sort key in reverse, a few granules at most. */
    static final String LAST_OPEN_TIME =
            "SELECT toUnixTimestamp64Milli(open_time) AS open_ms FROM candles"
                    + " WHERE venue = {venue:String} AND symbol = {symbol:String}"
                    + " AND interval = {interval:String} AND is_final"
                    + " ORDER BY open_time DESC LIMIT 1";

    /** The only query over the whole table: its three LowCardinality key columns, cached. */
    static final String CATALOG =
            "SELECT DISTINCT venue, symbol, interval FROM candles ORDER BY symbol, venue, interval";

    /**
     * Per venue of each symbol: last close, the open and the volume of the 24 h of candles that end
     * with the symbol's newest candle (event time, so a replay or a simulator works too).
     */
    static final String LATEST_PRICES =
            "SELECT c.venue AS venue, c.symbol AS symbol, toUnixTimestamp64Milli(max(c.open_time))"
                + " AS last_open_ms, toUnixTimestamp64Milli(max(c.close_time)) AS last_close_ms,"
                + " argMax(c.close, c.open_time) AS last_price, argMin(c.open, c.open_time) AS"
                + " open_price, sum(c.volume) AS volume, sum(c.quote_volume) AS quote_volume,"
                + " argMax(c.included_venues, c.open_time) AS included_venues,"
                + " argMax(c.excluded_venues, c.open_time) AS excluded_venues FROM candles AS c"
                + " FINAL INNER JOIN (SELECT symbol, max(open_time) AS last_open FROM candles WHERE"
                + " symbol IN {symbols:Array(String)} AND interval = {interval:String} AND is_final"
                + " GROUP BY symbol) AS b ON c.symbol = b.symbol WHERE c.symbol IN"
                + " {symbols:Array(String)} AND c.interval = {interval:String} AND c.is_final AND"
                + " c.open_time > b.last_open - INTERVAL 1 DAY GROUP BY c.venue, c.symbol ORDER BY"
                + " c.symbol, c.venue";

    static final String OUTLIERS =
            "SELECT symbol, venue, toUnixTimestamp64Milli(time) AS time_ms, rule, action, price,"
                    + " reference, deviation_bps, threshold, severity, trade_id FROM outliers FINAL"
                    + " WHERE ({symbol:String} = '' OR symbol = {symbol:String})"
                    + " AND ({venue:String} = '' OR venue = {venue:String})"
                    + " AND time >= fromUnixTimestamp64Milli({since:Int64}, 'UTC')"
                    + " AND time < fromUnixTimestamp64Milli({until:Int64}, 'UTC')"
                    + " ORDER BY time DESC LIMIT {limit:UInt32}";

    /** Newest state per connection over the last day; counters summed over the last 15 min. */
    static final String FEED_HEALTH =
            "SELECT venue, split_id, argMax(state, time) AS state,"
                + " toUnixTimestamp64Milli(max(time)) AS last_report_ms, sumIf(frames, time >="
                + " now64(3) - INTERVAL 15 MINUTE) AS frames, sumIf(trades, time >= now64(3) -"
                + " INTERVAL 15 MINUTE) AS trades, sumIf(reconnects, time >= now64(3) - INTERVAL 15"
                + " MINUTE) AS reconnects, sumIf(gaps, time >= now64(3) - INTERVAL 15 MINUTE) AS"
                + " gaps, sumIf(trades_backfilled, time >= now64(3) - INTERVAL 15 MINUTE) AS"
                + " trades_backfilled, sumIf(unrecoverable_gaps, time >= now64(3) - INTERVAL 15"
                + " MINUTE) AS unrecoverable_gaps, sumIf(duplicates, time >= now64(3) - INTERVAL 15"
                + " MINUTE) AS duplicates, sumIf(dead_letters, time >= now64(3) - INTERVAL 15"
                + " MINUTE) AS dead_letters, argMax(last_message_age_ms, time) AS"
                + " last_message_age_ms, argMax(lag_p50_ms, time) AS lag_p50_ms, argMax(lag_p99_ms,"
                + " time) AS lag_p99_ms FROM feed_health FINAL WHERE time >= now64(3) - INTERVAL 1"
                + " DAY GROUP BY venue, split_id ORDER BY venue, split_id";

    private static final String API_KEY_COLUMNS =
            "key_id, name, key_hash, scopes, rate_per_minute, burst,"
                    + " toUnixTimestamp64Milli(created_at) AS created_ms, revoked,"
                    + " toUnixTimestamp64Milli(revoked_at) AS revoked_ms";

    static final String API_KEY =
            "SELECT " + API_KEY_COLUMNS + " FROM api_keys FINAL WHERE key_id = {id:String}";
    static final String API_KEYS =
            "SELECT " + API_KEY_COLUMNS + " FROM api_keys FINAL ORDER BY created_at, key_id";
    static final String INSERT_API_KEY =
            "INSERT INTO api_keys (key_id, name, key_hash, scopes, rate_per_minute, burst,"
                    + " created_at, revoked, revoked_at, version) SELECT {id:String},"
                    + " {name:String}, {hash:String}, {scopes:Array(String)},"
                    + " {rate:UInt32}, {burst:UInt32}, fromUnixTimestamp64Milli({created:Int64},"
                    + " 'UTC'), false, fromUnixTimestamp64Milli(0, 'UTC'), {version:UInt64}";

    /** A new version of the key's row: revoked now, or with new limits. */
    static final String UPDATE_API_KEY =
            "INSERT INTO api_keys (key_id, name, key_hash, scopes, rate_per_minute, burst,"
                    + " created_at, revoked, revoked_at, version) SELECT key_id, name, key_hash,"
                    + " scopes, if({rate:UInt32} = 0, rate_per_minute, {rate:UInt32}),"
                    + " if({burst:UInt32} = 0, burst, {burst:UInt32}), created_at, revoked OR"
                    + " {revoke:Bool}, if({revoke:Bool} AND NOT revoked, now64(3), revoked_at),"
                    + " {version:UInt64} FROM api_keys FINAL WHERE key_id = {id:String}";

    private final ClickHouseStore store;

    public CandleQueries(ClickHouseStore store) {
        this.store = store;
    }

    /** Final candles of one series with open time in [from, to), in the given order. */
    public List<CandleRow> candles(
            String venue,
            String symbol,
            String interval,
            long fromMillis,
            long toMillis,
            int limit,
            boolean descending) {
        Map<String, Object> p =
                Map.of(
                        "venue",
                        venue,
                        "symbol",
                        symbol,
                        "interval",
                        interval,
                        "from",
                        fromMillis,
                        "to",
                        toMillis,
                        "limit",
                        limit);
        return store.query("candles", descending ? CANDLES_DESC : CANDLES_ASC, p).stream()
                .map(RowMapping::candle)
                .toList();
    }

    /** Open time of the newest final candle of a series, if it has any. */
    public OptionalLong lastOpenTime(String venue, String symbol, String interval) {
        Map<String, Object> p = Map.of("venue", venue, "symbol", symbol, "interval", interval);
        List<GenericRecord> rows = store.query("last-open-time", LAST_OPEN_TIME, p);
        return rows.isEmpty()
                ? OptionalLong.empty()
                : OptionalLong.of(rows.get(0).getLong("open_ms"));
    }

    public SeriesCatalog catalog() {
        return SeriesCatalog.of(
                store.query("catalog", CATALOG, Map.of()).stream()
                        .map(
                                r ->
                                        new SeriesCatalog.Entry(
                                                r.getString("venue"),
                                                r.getString("symbol"),
                                                r.getString("interval")))
                        .toList());
    }

    public List<VenuePrice> latestPrices(List<String> symbols, String interval) {
        Map<String, Object> p =
                Map.of("symbols", RowMapping.stringArray(symbols), "interval", interval);
        return store.query("latest-prices", LATEST_PRICES, p).stream()
                .map(RowMapping::venuePrice)
                .toList();
    }

    /** Outlier events in [since, until), newest first; empty symbol or venue means any. */
    public List<OutlierRow> outliers(
            String symbol, String venue, long sinceMillis, long untilMillis, int limit) {
        Map<String, Object> p =
                Map.of(
                        "symbol",
                        symbol,
                        "venue",
                        venue,
                        "since",
                        sinceMillis,
                        "until",
                        untilMillis,
                        "limit",
                        limit);
        return store.query("outliers", OUTLIERS, p).stream().map(RowMapping::outlier).toList();
    }

    public List<FeedHealthRow> feedHealth() {
        return store.query("feed-health", FEED_HEALTH, Map.of()).stream()
                .map(RowMapping::feedHealth)
                .toList();
    }

    public Optional<ApiKeyRow> apiKey(String keyId) {
        return store.query("api-key", API_KEY, Map.of("id", keyId)).stream()
                .map(RowMapping::apiKey)
                .findFirst();
    }

    public List<ApiKeyRow> apiKeys() {
        return store.query("api-keys", API_KEYS, Map.of()).stream()
                .map(RowMapping::apiKey)
                .toList();
    }

    public void insertApiKey(ApiKeyRow key) {
        Map<String, Object> p =
                Map.of(
                        "id",
                        key.keyId(),
                        "name",
                        RowMapping.escaped(key.name()),
                        "hash",
                        key.keyHash(),
                        "scopes",
                        RowMapping.stringArray(key.scopes()),
                        "rate",
                        key.ratePerMinute(),
                        "burst",
                        key.burst(),
                        "created",
                        key.createdAt(),
                        "version",
                        System.currentTimeMillis());
        store.execute("insert-api-key", INSERT_API_KEY, p);
    }

    /**
     * Writes a newer version of a key: revoked, and/or with new limits (0 keeps the old one).
     * Versions are wall-clock milliseconds, so the newest write wins.
     */
    public void updateApiKey(String keyId, boolean revoke, int ratePerMinute, int burst) {
        Map<String, Object> p =
                Map.of(
                        "id",
                        keyId,
                        "revoke",
                        revoke,
                        "rate",
                        ratePerMinute,
                        "burst",
                        burst,
                        "version",
                        System.currentTimeMillis());
        store.execute("update-api-key", UPDATE_API_KEY, p);
    }
}
