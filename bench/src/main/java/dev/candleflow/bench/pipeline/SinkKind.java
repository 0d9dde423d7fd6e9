package dev.candleflow.bench.pipeline;

/** Which output of a job a counting sink stands in for. */
enum SinkKind {
    /** The baseline job's only output: the trades, after a keyBy. */
    BASELINE_TRADES,
    FINAL_CANDLES,
    LIVE_CANDLES,
    OUTLIERS,
    DEAD_LETTERS,
    FEED_HEALTH
}
