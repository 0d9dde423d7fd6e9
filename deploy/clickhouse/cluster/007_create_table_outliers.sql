CREATE TABLE IF NOT EXISTS market.outliers ON CLUSTER '{cluster}' AS market.outliers_local
ENGINE = Distributed('{cluster}', market, outliers_local, cityHash64(symbol, venue))
