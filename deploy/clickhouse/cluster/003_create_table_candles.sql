-- What the job writes and everyone reads: market.candles, as on a single server.
CREATE TABLE IF NOT EXISTS market.candles ON CLUSTER '{cluster}' AS market.candles_local
ENGINE = Distributed('{cluster}', market, candles_local, cityHash64(venue, symbol))
