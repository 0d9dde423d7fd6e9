-- The latest consolidated price of every symbol, from its newest final 1m candle,
-- with the venues that fed it.
SELECT
    symbol,
    argMax(close, open_time)          AS price,
    max(open_time)                    AS minute,
    argMax(included_venues, open_time) AS venues
FROM market.candles_final
WHERE venue = 'consolidated' AND interval = '1m'
GROUP BY symbol
ORDER BY symbol
