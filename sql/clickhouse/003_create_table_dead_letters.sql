-- Input the pipeline could not use, with the reason; nothing is dropped silently.
CREATE TABLE IF NOT EXISTS market.dead_letters
(
    venue       LowCardinality(String),
    reason      LowCardinality(String),
    detail      String,
    payload     String CODEC(ZSTD(3)),
    received_at DateTime64(6, 'UTC')
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(received_at)
ORDER BY (venue, reason, received_at)
