package dev.candleflow.source.backfill;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.candleflow.model.DeadLetter;
import dev.candleflow.model.Venue;
import dev.candleflow.source.FeedEvent;
import dev.candleflow.source.reader.RateLimitedLog;
import dev.candleflow.source.reader.SplitMetrics;
import dev.candleflow.source.transport.Clocks;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports trades that are lost for good: counted, logged (rate-limited) and emitted as a dead
 * letter with reason {@value #REASON} whose payload names the split, instrument, sequence range and
 * time window as JSON.
 */
final class UnrecoverableGaps {

    static final String REASON = "unrecoverable_gap";

    private static final Logger LOG = LoggerFactory.getLogger(UnrecoverableGaps.class);

    private final String splitId;
    private final Venue venue;
    private final SplitMetrics metrics;
    private final RateLimitedLog log = new RateLimitedLog(LOG, 10_000);

    UnrecoverableGaps(String splitId, Venue venue, SplitMetrics metrics) {
        this.splitId = splitId;
        this.venue = venue;
        this.metrics = metrics;
    }

    /**
     * The sequences after the instrument's last one up to {@code to} are lost ({@link
     * InstrumentTrack#NONE}: the end is unknown); the track then treats them as passed.
     *
     * @param toMicros event time of the trade after the gap, or now when there is none
     */
    void after(
            InstrumentTrack track, long to, long toMicros, String cause, Consumer<FeedEvent> out) {
        long from = track.last + 1;
        boolean bounded = to != InstrumentTrack.NONE;
        if (bounded && to < from) {
            return;
        }
        metrics.unrecoverableGaps.inc();
        if (bounded) {
            metrics.tradesUnrecovered.inc(to - from + 1);
        }
        String range = from + ".." + (bounded ? Long.toString(to) : "?");
        log.warn("{} {} {} trade ids {} lost: {}", venue, splitId, track.instrument, range, cause);
        String payload =
                String.format(
                        "{\"split\":\"%s\",\"instrument\":\"%s\",\"fromSequence\":%d,\"toSequence\":%d",
                        splitId, track.instrument, from, bounded ? to : -1);
        emit(
                track.instrument + " trade ids " + range + " lost: " + cause,
                payload + window(track.lastEventMicros, toMicros, cause),
                out);
        if (bounded) {
            track.last = Math.max(track.last, to);
        }
    }

    /** Trades between two instants may be lost, and the venue's sequences cannot say which. */
    void window(long fromMicros, long toMicros, String cause, Consumer<FeedEvent> out) {
        metrics.unrecoverableGaps.inc();
        String span = instant(fromMicros) + " .. " + instant(toMicros);
        log.warn("{} {} trades between {} may be lost: {}", venue, splitId, span, cause);
        String payload = "{\"split\":\"" + splitId + "\"" + window(fromMicros, toMicros, cause);
        emit("trades between " + span + " may be lost: " + cause, payload, out);
    }

    private static String window(long fromMicros, long toMicros, String cause) {
        return ",\"fromTimeMicros\":"
                + fromMicros
                + ",\"toTimeMicros\":"
                + toMicros
                + ",\"cause\":\""
                + new String(JsonStringEncoder.getInstance().quoteAsString(cause))
                + "\"}";
    }

    private void emit(String detail, String payload, Consumer<FeedEvent> out) {
        metrics.deadLetters.inc();
        out.accept(
                FeedEvent.of(new DeadLetter(venue, REASON, detail, payload, Clocks.nowMicros())));
    }

    private static String instant(long micros) {
        return micros <= 0 ? "?" : Instant.ofEpochSecond(0, micros * 1000L).toString();
    }
}
