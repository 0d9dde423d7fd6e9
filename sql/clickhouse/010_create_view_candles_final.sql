-- What analysts read: one row per candle, its newest revision.
CREATE VIEW IF NOT EXISTS market.candles_final AS
SELECT * FROM market.candles FINAL
