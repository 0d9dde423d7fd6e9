-- Records sql/clickhouse 001..011 as applied, since 001..013 above create their replicated
-- equivalents: the job must not run them (an ALTER ... MODIFY TTL on a Distributed table fails).
-- The checksums are SHA-256 of each file as the migrator reads it; a test in deploy/cluster
-- recomputes them, so a new or edited migration fails the build until it is mirrored here.
INSERT INTO market.schema_migrations (version, name, checksum) VALUES
    (1, 'create_database_market', 'fca1ff8447769e8ce65f84cd114e5c9c9d39745716749335254b775635a4ab9e'),
    (2, 'create_table_candles', 'e0b271c15487437d3672a9468010c4a04ff89cce45c28f2e60a786a3680a8c28'),
    (3, 'create_table_dead_letters', 'ea8496052cb1edccada08af4f5bc2197a52c6ef86b68d58405695e4df0e7c0d2'),
    (4, 'alter_candles_add_consolidation', '4d2e9a0d9512ad5f080e7fc4329f0ef3daa55fb80e69ce2969582e4ea98022f8'),
    (5, 'create_table_outliers', 'cd5ef8ad13ae2dd0f32c25699d306d556854d56de64c84afc621a93c0696e2fc'),
    (6, 'create_table_feed_health', '67ed2034a500250fbdbf0b4ba8e41269b57962463ed8841b9e666f9a2b82756c'),
    (7, 'alter_candles_add_trade_times', 'c7458267dd8b807ce5df7474c4a9398190252edca8620187ceff3ecfd7f5900f'),
    (8, 'create_table_trades', '4bb3c5b06d7b53c9d564c72a6415373c4a9e58000bcf154460abf5ce763d8f00'),
    (9, 'alter_candles_retention_and_codecs', '7392577fda847f5eeaf61b9b19583938a4f9d27e297f6e692c066baa9813cb26'),
    (10, 'create_view_candles_final', 'f0602686c604849d832c8c76901cc4dbbc3219f924af736586725674634e62d2'),
    (11, 'create_view_outliers_final', 'c85d006775eb8e3794bb3a5eb1a4340ef99ec961dc98f4b3c25caac8cc3c4010')
