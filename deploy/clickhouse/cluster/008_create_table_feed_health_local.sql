-- sql/clickhouse 006, replicated per shard.
CREATE TABLE IF NOT EXISTS market.feed_health_local ON CLUSTER '{cluster}'
(
    venue               LowCardinality(String),
    split_id            LowCardinality(String),
    time                DateTime64(3, 'UTC'),
    state               LowCardinality(String),
    frames              UInt64,
    trades              UInt64,
    bytes               UInt64,
    reconnects          UInt64,
    gaps                UInt64,
    trades_backfilled   UInt64,
    unrecoverable_gaps  UInt64,
    duplicates          UInt64,
    dead_letters        UInt64,
    last_message_age_ms Int64,
    lag_p50_ms          Float64,
    lag_p99_ms          Float64
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/market/feed_health_local', '{replica}')
PARTITION BY toYYYYMM(time)
ORDER BY (venue, split_id, time)
TTL toDateTime(time) + INTERVAL 90 DAY
