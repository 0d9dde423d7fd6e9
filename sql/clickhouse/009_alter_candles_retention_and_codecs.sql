-- Retention per interval: 1s candles 30 days, 1m candles 2 years, larger ones for good.
-- Candles already older than that are dropped at insert (mind this when replaying old
-- captures into a database with these defaults). Codecs: times grow steadily, counts are
-- small integers, decimals compress well with ZSTD.
ALTER TABLE market.candles
    MODIFY COLUMN open_time DateTime64(3, 'UTC') CODEC(DoubleDelta, ZSTD(1)),
    MODIFY COLUMN close_time DateTime64(3, 'UTC') CODEC(DoubleDelta, ZSTD(1)),
    MODIFY COLUMN trade_count UInt64 CODEC(T64, ZSTD(1)),
    MODIFY COLUMN volume Decimal(38, 18) CODEC(ZSTD(3)),
    MODIFY COLUMN quote_volume Decimal(38, 18) CODEC(ZSTD(3)),
    MODIFY TTL toDateTime(open_time) + INTERVAL 30 DAY DELETE WHERE interval = '1s',
               toDateTime(open_time) + INTERVAL 2 YEAR DELETE WHERE interval = '1m'
