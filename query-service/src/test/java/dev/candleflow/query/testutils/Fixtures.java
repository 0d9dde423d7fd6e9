package dev.candleflow.query.testutils;

import dev.candleflow.local.ClickHouseServer;
import java.io.IOException;
import java.time.Duration;

/**
 * Rows the job does not write yet (consolidated candles, outliers, feed health) added beside the
 * job's real candles, only when absent, so the endpoints over them can be checked whatever the job
 * writes today; when it writes them, its own rows are used. XRP-USDT is a copy of the job's
 * SOL-USDT Binance candles without consolidated candles: the prices fallback.
 */
public final class Fixtures {

    private Fixtures() {}

    /** Waits until the job has written at least {@code n} final 1m BTC-USDT candles. */
    public static void awaitCandles(ClickHouseServer ch, String db, int n, Duration timeout)
            throws Exception {
        Await.until(
                timeout,
                () ->
                        count(
                                        ch,
                                        "SELECT count() FROM "
                                                + db
                                                + ".candles FINAL WHERE venue='binance' AND"
                                                + " symbol='BTC-USDT' AND interval='1m' AND"
                                                + " is_final")
                                >= n,
                "the job to write " + n + " final BTC-USDT candles to ClickHouse");
    }

    public static long count(ClickHouseServer ch, String sql) throws IOException {
        return Long.parseLong(ch.execute(sql).strip());
    }

    public static void addMissingConsolidationRows(ClickHouseServer ch, String db)
            throws IOException {
        addFallbackSymbol(ch, db);
        addConsolidated(ch, db);
        addOutliers(ch, db);
        addFeedHealth(ch, db);
    }

    static void addFallbackSymbol(ClickHouseServer ch, String db) throws IOException {
        if (count(ch, "SELECT count() FROM " + db + ".candles WHERE symbol = 'XRP-USDT'") == 0) {
            ch.execute(
                    "INSERT INTO "
                            + db
                            + ".candles SELECT * REPLACE ('XRP-USDT' AS symbol) FROM"
                            + " (SELECT * FROM "
                            + db
                            + ".candles FINAL WHERE venue = 'binance'"
                            + " AND symbol = 'SOL-USDT' AND interval = '1m' AND is_final)");
        }
    }

    static void addConsolidated(ClickHouseServer ch, String db) throws IOException {
        if (count(ch, "SELECT count() FROM " + db + ".candles WHERE venue = 'consolidated'") == 0) {
            ch.execute(
                    "INSERT INTO "
                            + db
                            + ".candles (venue, symbol, interval, open_time, close_time, open,"
                            + " high, low, close, volume, quote_volume, vwap, taker_buy_volume,"
                            + " taker_buy_quote_volume, trade_count, first_trade_id, last_trade_id,"
                            + " is_final, revision, included_venues, excluded_venues, median_price)"
                            + " SELECT 'consolidated', symbol, interval, open_time, close_time,"
                            + " open, high, low, close, volume, quote_volume, vwap,"
                            + " taker_buy_volume, taker_buy_quote_volume, trade_count,"
                            + " first_trade_id, last_trade_id, is_final, revision, ['binance'],"
                            + " ['okx'], close FROM "
                            + db
                            + ".candles FINAL WHERE venue = 'binance' AND symbol IN ('BTC-USDT',"
                            + " 'ETH-USDT') AND interval = '1m' AND is_final");
        }
    }

    static void addOutliers(ClickHouseServer ch, String db) throws IOException {
        if (count(ch, "SELECT count() FROM " + db + ".outliers") == 0) {
            ch.execute(
                    "INSERT INTO "
                            + db
                            + ".outliers (symbol, venue, time, rule, action, price, reference,"
                            + " deviation_bps, threshold, severity, trade_id) VALUES ('BTC-USDT',"
                            + " 'okx', now64(3) - INTERVAL 50 MINUTE, 'off_market', 'excluded',"
                            + " 30512.5, 30101.25, 136.6, 80, 'warning', ''), ('BTC-USDT',"
                            + " 'binance', now64(3) - INTERVAL 20 MINUTE, 'fat_finger', 'flagged',"
                            + " 33900, 30120.1, 1254.9, 500, 'critical', '42'), ('BTC-USDT', 'okx',"
                            + " now64(3) - INTERVAL 5 MINUTE, 'off_market', 'readmitted', 30120.9,"
                            + " 30119.8, 0.4, 80, 'info', '')");
        }
    }

    static void addFeedHealth(ClickHouseServer ch, String db) throws IOException {
        if (count(ch, "SELECT count() FROM " + db + ".feed_health") == 0) {
            ch.execute(
                    "INSERT INTO "
                            + db
                            + ".feed_health (venue, split_id, time, state, frames, trades, bytes,"
                            + " reconnects, gaps, trades_backfilled, unrecoverable_gaps,"
                            + " duplicates, dead_letters, last_message_age_ms, lag_p50_ms,"
                            + " lag_p99_ms) VALUES ('binance', 'binance-0', now64(3) - INTERVAL 20"
                            + " SECOND, 'open', 5400, 5350, 1200000, 1, 2, 40, 0, 3, 1, 120, 14.5,"
                            + " 88.0)");
        }
    }
}
