CREATE TABLE IF NOT EXISTS market.trades ON CLUSTER '{cluster}' AS market.trades_local
ENGINE = Distributed('{cluster}', market, trades_local, cityHash64(venue, symbol))
