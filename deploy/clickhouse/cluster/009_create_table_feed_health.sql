CREATE TABLE IF NOT EXISTS market.feed_health ON CLUSTER '{cluster}' AS market.feed_health_local
ENGINE = Distributed('{cluster}', market, feed_health_local, cityHash64(venue, split_id))
