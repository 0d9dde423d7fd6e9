-- OHLCV candles per venue, instrument and interval. The ORDER BY is the candle's
-- identity, so a replayed batch or a later revision collapses onto one row: read with
-- FINAL (or argMax(..., revision)); never rely on OPTIMIZE.
CREATE TABLE IF NOT EXISTS market.candles
(
    venue                  LowCardinality(String),
    symbol                 LowCardinality(String),
    interval               LowCardinality(String),
    open_time              DateTime64(3, 'UTC'),
    close_time             DateTime64(3, 'UTC'),
    open                   Decimal(38, 18),
    high                   Decimal(38, 18),
    low                    Decimal(38, 18),
    close                  Decimal(38, 18),
    volume                 Decimal(38, 18),
    quote_volume           Decimal(38, 18),
    vwap                   Decimal(38, 18),
    taker_buy_volume       Decimal(38, 18),
    taker_buy_quote_volume Decimal(38, 18),
    trade_count            UInt64,
    first_trade_id         String,
    last_trade_id          String,
    is_final               Bool,
    revision               UInt32,
    inserted_at            DateTime64(3, 'UTC') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(revision)
PARTITION BY toYYYYMM(open_time)
ORDER BY (venue, symbol, interval, open_time)
