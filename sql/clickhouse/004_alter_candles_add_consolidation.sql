-- Consolidated candles (venue = 'consolidated') say which venues fed them and which were
-- left out as outliers, and carry the volume-weighted median price beside the VWAP.
-- Venue candles leave these at their defaults.
ALTER TABLE market.candles
    ADD COLUMN IF NOT EXISTS included_venues Array(LowCardinality(String)) DEFAULT [],
    ADD COLUMN IF NOT EXISTS excluded_venues Array(LowCardinality(String)) DEFAULT [],
    ADD COLUMN IF NOT EXISTS median_price Decimal(38, 18) DEFAULT 0
