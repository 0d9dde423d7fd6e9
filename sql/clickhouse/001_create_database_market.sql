-- The database every candleflow object lives in. Atomic explicitly: under chDB the
-- `default` database also resolves bare names to files.
CREATE DATABASE IF NOT EXISTS market ENGINE = Atomic
