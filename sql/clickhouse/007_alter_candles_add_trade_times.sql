-- When the opening and closing trades happened (microseconds), so a candle can be held
-- against the trades and the consolidated market can order venues' trades.
ALTER TABLE market.candles
    ADD COLUMN IF NOT EXISTS first_trade_time DateTime64(6, 'UTC') DEFAULT 0,
    ADD COLUMN IF NOT EXISTS last_trade_time DateTime64(6, 'UTC') DEFAULT 0
