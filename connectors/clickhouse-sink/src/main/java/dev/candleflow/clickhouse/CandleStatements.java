package dev.candleflow.clickhouse;

import dev.candleflow.model.Candle;
import dev.candleflow.model.DeadLetter;
import dev.candleflow.model.FeedHealth;
import dev.candleflow.model.OutlierEvent;
import dev.candleflow.model.Trade;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;

/** Row mapping of candles and dead letters onto their ClickHouse INSERTs. */
public final class CandleStatements {

    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private CandleStatements() {}

    public static String insertCandles(String database) {
        return "INSERT INTO "
                + database
                + ".candles (venue, symbol, interval, open_time, close_time, open, high, low,"
                + " close, volume, quote_volume, vwap, taker_buy_volume, taker_buy_quote_volume,"
                + " trade_count, first_trade_id, last_trade_id, is_final, revision,"
                + " first_trade_time, last_trade_time, included_venues, excluded_venues,"
                + " median_price) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, arrayFilter(v -> v != '', splitByChar(',', ?)), arrayFilter(v -> v != '',"
                + " splitByChar(',', ?)), ?)";
    }

    public static String insertFeedHealth(String database) {
        return "INSERT INTO "
                + database
                + ".feed_health (venue, split_id, time, state, frames, trades, bytes, reconnects,"
                + " gaps, trades_backfilled, unrecoverable_gaps, duplicates, dead_letters,"
                + " last_message_age_ms, lag_p50_ms, lag_p99_ms)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    public static final JdbcStatementBuilder<FeedHealth> FEED_HEALTH =
            CandleStatements::bindFeedHealth;

    static void bindFeedHealth(PreparedStatement ps, FeedHealth h) throws SQLException {
        ps.setString(1, h.venue().id());
        ps.setString(2, h.splitId());
        ps.setString(3, millis(h.timeMicros()));
        ps.setString(4, h.state().id());
        ps.setLong(5, h.frames());
        ps.setLong(6, h.trades());
        ps.setLong(7, h.bytes());
        ps.setLong(8, h.reconnects());
        ps.setLong(9, h.gaps());
        ps.setLong(10, h.tradesBackfilled());
        ps.setLong(11, h.unrecoverableGaps());
        ps.setLong(12, h.duplicates());
        ps.setLong(13, h.deadLetters());
        ps.setLong(14, h.lastMessageAgeMs());
        ps.setDouble(15, h.lagP50Ms());
        ps.setDouble(16, h.lagP99Ms());
    }

    public static String insertTrades(String database) {
        return "INSERT INTO "
                + database
                + ".trades (venue, symbol, trade_id, time, price, quantity, side, received_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    }

    public static final JdbcStatementBuilder<Trade> TRADE = CandleStatements::bindTrade;

    static void bindTrade(PreparedStatement ps, Trade t) throws SQLException {
        ps.setString(1, t.venue().id());
        ps.setString(2, t.instrument().toString());
        ps.setString(3, t.tradeId());
        ps.setString(4, MICROS.format(instant(t.eventTimeMicros())));
        ps.setBigDecimal(5, plain(t.price()));
        ps.setBigDecimal(6, plain(t.quantity()));
        ps.setString(7, t.aggressor().name().toLowerCase(java.util.Locale.ROOT));
        ps.setString(8, MICROS.format(instant(t.receivedAtMicros())));
    }

    public static String insertOutliers(String database) {
        return "INSERT INTO "
                + database
                + ".outliers (symbol, venue, time, rule, action, price, reference, deviation_bps,"
                + " threshold, severity, trade_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    public static String insertDeadLetters(String database) {
        return "INSERT INTO "
                + database
                + ".dead_letters (venue, reason, detail, payload, received_at)"
                + " VALUES (?, ?, ?, ?, ?)";
    }

    /** Binds one candle; times as UTC text so no JVM or driver time zone can shift them. */
    public static final JdbcStatementBuilder<Candle> CANDLE = CandleStatements::bindCandle;

    public static final JdbcStatementBuilder<DeadLetter> DEAD_LETTER =
            CandleStatements::bindDeadLetter;

    static void bindCandle(PreparedStatement ps, Candle c) throws SQLException {
        ps.setString(1, c.source());
        ps.setString(2, c.instrument().toString());
        ps.setString(3, c.interval().label());
        ps.setString(4, millis(c.openTimeMicros()));
        ps.setString(5, millis(c.closeTimeMicros()));
        ps.setBigDecimal(6, plain(c.open()));
        ps.setBigDecimal(7, plain(c.high()));
        ps.setBigDecimal(8, plain(c.low()));
        ps.setBigDecimal(9, plain(c.close()));
        ps.setBigDecimal(10, plain(c.volume()));
        ps.setBigDecimal(11, plain(c.quoteVolume()));
        ps.setBigDecimal(12, plain(c.vwap()));
        ps.setBigDecimal(13, plain(c.takerBuyVolume()));
        ps.setBigDecimal(14, plain(c.takerBuyQuoteVolume()));
        ps.setLong(15, c.tradeCount());
        ps.setString(16, c.firstTradeId());
        ps.setString(17, c.lastTradeId());
        ps.setBoolean(18, c.isFinal());
        ps.setLong(19, c.revision());
        ps.setString(20, MICROS.format(instant(c.firstTradeTimeMicros())));
        ps.setString(21, MICROS.format(instant(c.lastTradeTimeMicros())));
        ps.setString(22, c.includedVenues());
        ps.setString(23, c.excludedVenues());
        ps.setBigDecimal(24, plain(c.medianPrice()));
    }

    public static final JdbcStatementBuilder<OutlierEvent> OUTLIER = CandleStatements::bindOutlier;

    static void bindOutlier(PreparedStatement ps, OutlierEvent e) throws SQLException {
        ps.setString(1, e.instrument().toString());
        ps.setString(2, e.venue().id());
        ps.setString(3, millis(e.timeMicros()));
        ps.setString(4, e.rule().id());
        ps.setString(5, e.action().id());
        ps.setBigDecimal(6, plain(e.price()));
        ps.setBigDecimal(7, plain(e.reference()));
        ps.setDouble(8, e.deviationBps());
        ps.setDouble(9, e.threshold());
        ps.setString(10, e.severity().name().toLowerCase(java.util.Locale.ROOT));
        ps.setString(11, e.tradeId());
    }

    static void bindDeadLetter(PreparedStatement ps, DeadLetter d) throws SQLException {
        ps.setString(1, d.venue().id());
        ps.setString(2, d.reason());
        ps.setString(3, d.detail());
        ps.setString(4, d.payload());
        ps.setString(5, MICROS.format(instant(d.receivedAtMicros())));
    }

    static String millis(long micros) {
        return MILLIS.format(instant(micros));
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(
                Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    /** A decimal with a non-negative scale, so it is written as digits, never as 1E+3. */
    static BigDecimal plain(BigDecimal v) {
        return v.scale() < 0 ? v.setScale(0) : v;
    }
}
