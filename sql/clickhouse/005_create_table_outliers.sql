-- Every outlier decision: a fat-finger print, a venue off the market, a stale venue, and a
-- venue's re-admission. The audit trail of which venues fed each consolidated candle.
-- ReplacingMergeTree on the event's identity, so a replayed batch collapses.
CREATE TABLE IF NOT EXISTS market.outliers
(
    symbol        LowCardinality(String),
    venue         LowCardinality(String),
    time          DateTime64(3, 'UTC'),
    rule          LowCardinality(String),  -- fat_finger | off_market | stale
    action        LowCardinality(String),  -- flagged | excluded | readmitted
    price         Decimal(38, 18),
    reference     Decimal(38, 18),
    deviation_bps Float64,
    threshold     Float64,
    severity      LowCardinality(String),  -- info | warning | critical
    trade_id      String DEFAULT ''
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(time)
ORDER BY (symbol, venue, rule, time, trade_id)
