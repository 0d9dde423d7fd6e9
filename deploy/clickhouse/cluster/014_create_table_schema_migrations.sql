-- The job applies sql/clickhouse at every start (SchemaMigrator) and skips what this table lists.
-- One replica set over all nodes of all shards ('all', not '{shard}'): the job reads it from
-- whichever node the service hands it. Same columns as the table the migrator creates.
CREATE TABLE IF NOT EXISTS market.schema_migrations ON CLUSTER '{cluster}'
(
    version    UInt32,
    name       String,
    checksum   String,
    applied_at DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/all/market/schema_migrations', '{replica}')
ORDER BY version
