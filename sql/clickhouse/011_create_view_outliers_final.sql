-- Outlier decisions, each once even if a batch was written twice.
CREATE VIEW IF NOT EXISTS market.outliers_final AS
SELECT * FROM market.outliers FINAL
