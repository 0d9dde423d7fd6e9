-- sql/clickhouse 005, replicated per shard.
CREATE TABLE IF NOT EXISTS market.outliers_local ON CLUSTER '{cluster}'
(
    symbol        LowCardinality(String),
    venue         LowCardinality(String),
    time          DateTime64(3, 'UTC'),
    rule          LowCardinality(String),
    action        LowCardinality(String),
    price         Decimal(38, 18),
    reference     Decimal(38, 18),
    deviation_bps Float64,
    threshold     Float64,
    severity      LowCardinality(String),
    trade_id      String DEFAULT ''
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/market/outliers_local', '{replica}')
PARTITION BY toYYYYMM(time)
ORDER BY (symbol, venue, rule, time, trade_id)
