-- Every accepted trade, when clickhouse.trades is on: the raw material to audit a candle
-- or rebuild it. Kept 7 days; rows already older than that are dropped at insert.
CREATE TABLE IF NOT EXISTS market.trades
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
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMMDD(time)
ORDER BY (venue, symbol, time, trade_id)
TTL toDateTime(time) + INTERVAL 7 DAY
