package dev.candleflow.clickhouse;

import java.io.Serializable;
import java.time.Duration;

/**
 * Batching of the ClickHouse sink: ClickHouse wants inserts of thousands of rows about once a
 * second rather than many small ones; retries make a failed batch land (idempotently) later.
 */
public record ClickHouseSinkOptions(int batchSize, Duration batchInterval, int maxRetries)
        implements Serializable {

    public static final ClickHouseSinkOptions DEFAULT =
            new ClickHouseSinkOptions(5_000, Duration.ofSeconds(1), 3);

    public ClickHouseSinkOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException(
                    "clickhouse batch size must be >= 1, was " + batchSize);
        }
        if (batchInterval.isNegative()) {
            throw new IllegalArgumentException("clickhouse batch interval must be >= 0");
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("clickhouse max retries must be >= 0");
        }
    }
}
