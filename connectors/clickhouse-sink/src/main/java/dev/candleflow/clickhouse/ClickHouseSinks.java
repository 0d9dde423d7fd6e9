package dev.candleflow.clickhouse;

import dev.candleflow.model.Candle;
import dev.candleflow.model.DeadLetter;
import dev.candleflow.model.FeedHealth;
import dev.candleflow.model.OutlierEvent;
import dev.candleflow.model.Trade;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;

/**
 * Batched, at-least-once JDBC sinks into ClickHouse. Candles land on a ReplacingMergeTree keyed by
 * their identity, so a batch written twice after a failure collapses to one row per candle. Each
 * writer times its batches ({@link ClickHouseSinkMetrics}).
 */
public final class ClickHouseSinks {

    private ClickHouseSinks() {}

    public static ClickHouseSink<Candle> candles(
            ClickHouseConnectionOptions conn, ClickHouseSinkOptions opts) {
        return sink(
                CandleStatements.insertCandles(conn.database()),
                CandleStatements.CANDLE,
                conn,
                opts);
    }

    public static ClickHouseSink<DeadLetter> deadLetters(
            ClickHouseConnectionOptions conn, ClickHouseSinkOptions opts) {
        return sink(
                CandleStatements.insertDeadLetters(conn.database()),
                CandleStatements.DEAD_LETTER,
                conn,
                opts);
    }

    public static ClickHouseSink<FeedHealth> feedHealth(
            ClickHouseConnectionOptions conn, ClickHouseSinkOptions opts) {
        return sink(
                CandleStatements.insertFeedHealth(conn.database()),
                CandleStatements.FEED_HEALTH,
                conn,
                opts);
    }

    public static ClickHouseSink<Trade> trades(
            ClickHouseConnectionOptions conn, ClickHouseSinkOptions opts) {
        return sink(
                CandleStatements.insertTrades(conn.database()), CandleStatements.TRADE, conn, opts);
    }

    public static ClickHouseSink<OutlierEvent> outliers(
            ClickHouseConnectionOptions conn, ClickHouseSinkOptions opts) {
        return sink(
                CandleStatements.insertOutliers(conn.database()),
                CandleStatements.OUTLIER,
                conn,
                opts);
    }

    private static <T> ClickHouseSink<T> sink(
            String sql,
            JdbcStatementBuilder<T> binder,
            ClickHouseConnectionOptions conn,
            ClickHouseSinkOptions opts) {
        return new ClickHouseSink<>(
                new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
                        .withUrl(conn.databaseUrl())
                        .withDriverName(ClickHouseConnectionOptions.DRIVER)
                        .withUsername(conn.user())
                        .withPassword(conn.password())
                        .build(),
                JdbcExecutionOptions.builder()
                        .withBatchSize(opts.batchSize())
                        .withBatchIntervalMs(opts.batchInterval().toMillis())
                        .withMaxRetries(opts.maxRetries())
                        .build(),
                sql,
                binder);
    }
}
