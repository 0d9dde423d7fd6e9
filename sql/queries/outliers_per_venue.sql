-- Outlier decisions per venue and rule since a time: who gets excluded, and how often.
-- Parameter: {since:DateTime64(3)}
SELECT venue, rule, action, count() AS events, round(max(abs(deviation_bps)), 1) AS worst_bps
FROM market.outliers_final
WHERE time >= {since:DateTime64(3)}
GROUP BY venue, rule, action
ORDER BY venue, rule, action
