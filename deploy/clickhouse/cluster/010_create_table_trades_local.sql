-- sql/clickhouse 008, replicated per shard.
CREATE TABLE IF NOT EXISTS market.trades_local ON CLUSTER '{cluster}'
(
    venue       LowCardinality(String),
    symbol      LowCardinality(String),
    trade_id    String,
    time        DateTime64(6, 'UTC') CODEC(DoubleDelta, ZSTD(1)),
    price       Decimal(38, 18) CODEC(ZSTD(3)),
    quantity    Decimal(38, 18) CODEC(ZSTD(3)),
    side        LowCardinality(String),
    received_at DateTime64(6, 'UTC') CODEC(DoubleDelta, ZSTD(1))
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/market/trades_local', '{replica}')
PARTITION BY toYYYYMMDD(time)
ORDER BY (venue, symbol, time, trade_id)
TTL toDateTime(time) + INTERVAL 7 DAY
