package dev.candleflow.query.stream;

/**
 * One candle from Kafka on its way to stream clients: where it came from, its identity, its JSON
 * (the topic's own, compacted to one line) and the hub's position right after it.
 */
public record StreamEvent(
        int topic,
        int partition,
        long offset,
        String key,
        String venue,
        String symbol,
        String interval,
        long openTime,
        boolean isFinal,
        String json,
        StreamPosition position) {

    public static final int FINAL_TOPIC = 0;
    public static final int LIVE_TOPIC = 1;

    public long slot() {
        return StreamPosition.slot(topic, partition);
    }

    /** venue|symbol|interval: the series this candle belongs to. */
    public String series() {
        return venue + "|" + symbol + "|" + interval;
    }
}
