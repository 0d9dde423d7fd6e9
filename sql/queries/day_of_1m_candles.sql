-- One UTC day of 1m candles of a symbol on a venue (or 'consolidated').
-- Parameters: {symbol:String}, {venue:String}, {day:Date}
SELECT open_time, open, high, low, close, volume, trade_count, vwap
FROM market.candles_final
WHERE symbol = {symbol:String}
  AND venue = {venue:String}
  AND interval = '1m'
  AND open_time >= toDateTime64({day:Date}, 3, 'UTC')
  AND open_time < toDateTime64({day:Date} + 1, 3, 'UTC')
ORDER BY open_time
