-- sql/clickhouse 003, replicated per shard.
CREATE TABLE IF NOT EXISTS market.dead_letters_local ON CLUSTER '{cluster}'
(
    venue       LowCardinality(String),
    reason      LowCardinality(String),
    detail      String,
    payload     String CODEC(ZSTD(3)),
    received_at DateTime64(6, 'UTC')
)
ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/market/dead_letters_local', '{replica}')
PARTITION BY toYYYYMM(received_at)
ORDER BY (venue, reason, received_at)
