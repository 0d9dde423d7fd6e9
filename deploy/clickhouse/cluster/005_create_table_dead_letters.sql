-- Dead letters have no identity to collapse on: any shard will do.
CREATE TABLE IF NOT EXISTS market.dead_letters ON CLUSTER '{cluster}' AS market.dead_letters_local
ENGINE = Distributed('{cluster}', market, dead_letters_local, rand())
