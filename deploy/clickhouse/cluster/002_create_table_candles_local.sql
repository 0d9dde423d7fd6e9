-- sql/clickhouse 002 + 004 + 007 + 009 (columns, codecs, retention), replicated per shard. The
-- ORDER BY is the candle's identity: a replayed batch or a later revision collapses onto one row
-- within its shard, and the Distributed table (003) sends every candle of a venue and symbol to
-- the same shard, so FINAL through it is exact.
CREATE TABLE IF NOT EXISTS market.candles_local ON CLUSTER '{cluster}'
(
    venue                  LowCardinality(String),
    symbol                 LowCardinality(String),
    interval               LowCardinality(String),
    open_time              DateTime64(3, 'UTC') CODEC(DoubleDelta, ZSTD(1)),
    close_time             DateTime64(3, 'UTC') CODEC(DoubleDelta, ZSTD(1)),
    open                   Decimal(38, 18),
    high                   Decimal(38, 18),
    low                    Decimal(38, 18),
    close                  Decimal(38, 18),
    volume                 Decimal(38, 18) CODEC(ZSTD(3)),
    quote_volume           Decimal(38, 18) CODEC(ZSTD(3)),
    vwap                   Decimal(38, 18),
    taker_buy_volume       Decimal(38, 18),
    taker_buy_quote_volume Decimal(38, 18),
    trade_count            UInt64 CODEC(T64, ZSTD(1)),
    first_trade_id         String,
    last_trade_id          String,
    is_final               Bool,
    revision               UInt32,
    inserted_at            DateTime64(3, 'UTC') DEFAULT now64(3),
    included_venues        Array(LowCardinality(String)) DEFAULT [],
    excluded_venues        Array(LowCardinality(String)) DEFAULT [],
    median_price           Decimal(38, 18) DEFAULT 0,
    first_trade_time       DateTime64(6, 'UTC') DEFAULT 0,
    last_trade_time        DateTime64(6, 'UTC') DEFAULT 0
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/market/candles_local', '{replica}', revision)
PARTITION BY toYYYYMM(open_time)
ORDER BY (venue, symbol, interval, open_time)
TTL toDateTime(open_time) + INTERVAL 30 DAY DELETE WHERE interval = '1s',
    toDateTime(open_time) + INTERVAL 2 YEAR DELETE WHERE interval = '1m'
