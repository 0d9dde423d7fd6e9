package dev.candleflow.bench.pipeline;

import dev.candleflow.bench.tape.Tape;
import dev.candleflow.model.Candle;
import dev.candleflow.model.CandleInterval;
import dev.candleflow.model.Venue;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Stands in for ClickHouse and Kafka: counts and discards, so that a run measures the pipeline.
 * Final candles are tallied for the correctness check; live candles of the base interval are timed
 * from the receipt of the newest trade they hold (found on the tape by its trade id).
 */
final class CountingSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;

    private final String runId;
    private final String tapeId;
    private final SinkKind kind;

    CountingSink(String runId, String tapeId, SinkKind kind) {
        this.runId = runId;
        this.tapeId = tapeId;
        this.kind = kind;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new Writer<>(RunStats.get(runId), Tape.get(tapeId), kind);
    }

    /** Counts locally, merges into the run once, when closed. */
    private static final class Writer<T> implements SinkWriter<T> {
        private final RunStats stats;
        private final Tape tape;
        private final SinkKind kind;
        private final CandleInterval base;
        private final CandleTally tally = new CandleTally();
        private final LatencySamples venueLive = new LatencySamples();
        private final LatencySamples consolidatedLive = new LatencySamples();
        private long count;
        private long lastNanos;

        Writer(RunStats stats, Tape tape, SinkKind kind) {
            this.stats = stats;
            this.tape = tape;
            this.kind = kind;
            this.base = tape.expected().base();
        }

        @Override
        public void write(T element, Context context) {
            lastNanos = System.nanoTime();
            count++;
            if (kind == SinkKind.FINAL_CANDLES) {
                tally.add((Candle) element);
            } else if (kind == SinkKind.LIVE_CANDLES) {
                time((Candle) element, lastNanos);
            }
        }

        private void time(Candle c, long now) {
            if (c.interval() != base) {
                return;
            }
            Venue venue = c.venue();
            String tradeId = c.lastTradeId();
            if (venue == null) {
                // consolidated: "venue:id" of the newest trade across venues
                int colon = tradeId.indexOf(':');
                venue = colon > 0 ? venueOf(tradeId.substring(0, colon)) : null;
                tradeId = tradeId.substring(colon + 1);
            }
            long received = venue == null ? 0L : tape.receivedNanos(venue, tradeId);
            if (received > 0) {
                (c.isConsolidated() ? consolidatedLive : venueLive).add(now - received);
            }
        }

        private static Venue venueOf(String id) {
            for (Venue v : Venue.values()) {
                if (v.id().equals(id)) {
                    return v;
                }
            }
            return null;
        }

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {
            stats.merge(kind, count, lastNanos, tally, venueLive, consolidatedLive);
        }
    }
}
