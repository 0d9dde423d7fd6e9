-- sql/clickhouse 011.
CREATE VIEW IF NOT EXISTS market.outliers_final ON CLUSTER '{cluster}' AS
SELECT * FROM market.outliers FINAL
