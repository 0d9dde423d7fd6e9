-- sql/clickhouse 010: FINAL through the Distributed table is exact, a candle lives on one shard.
CREATE VIEW IF NOT EXISTS market.candles_final ON CLUSTER '{cluster}' AS
SELECT * FROM market.candles FINAL
