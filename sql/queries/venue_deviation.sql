-- How far each venue's 1m VWAP sat from the consolidated VWAP, in basis points, per hour:
-- which venues trade off the market, and when. Parameter: {symbol:String}
SELECT
    v.venue,
    toStartOfHour(v.open_time)                                             AS hour,
    round(avg(toFloat64(v.vwap - c.vwap) / toFloat64(c.vwap) * 10000), 2)  AS mean_bps,
    round(max(abs(toFloat64(v.vwap - c.vwap) / toFloat64(c.vwap) * 10000)), 2) AS max_abs_bps,
    count()                                                                AS minutes
FROM market.candles_final AS v
INNER JOIN
(
    SELECT symbol, open_time, vwap
    FROM market.candles_final
    WHERE venue = 'consolidated' AND interval = '1m' AND symbol = {symbol:String}
) AS c ON v.symbol = c.symbol AND v.open_time = c.open_time
WHERE v.venue != 'consolidated' AND v.interval = '1m' AND v.symbol = {symbol:String}
GROUP BY v.venue, hour
ORDER BY hour, v.venue
