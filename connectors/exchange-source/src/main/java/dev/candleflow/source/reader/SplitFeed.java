package dev.candleflow.source.reader;

import dev.candleflow.model.DeadLetter;
import dev.candleflow.model.FeedHealth;
import dev.candleflow.model.Trade;
import dev.candleflow.model.Venue;
import dev.candleflow.protocol.ExchangeAdapter;
import dev.candleflow.protocol.ParsedFrame;
import dev.candleflow.source.FeedEvent;
import dev.candleflow.source.backfill.BackfillPage;
import dev.candleflow.source.backfill.SequenceGuard;
import dev.candleflow.source.transport.ConnectionSupervisor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One split on the fetcher thread: parses its frames with the venue's adapter and routes what they
 * hold: trades and sequence marks to the {@link SequenceGuard}, unusable frames and venue errors to
 * dead letters, shutdown notices to the supervisor, heartbeats to the counters.
 */
final class SplitFeed {

    private static final Logger LOG = LoggerFactory.getLogger(SplitFeed.class);
    private static final int LOGGED_PAYLOAD_CHARS = 500;

    private final String splitId;
    private final Venue venue;
    private final ExchangeAdapter adapter;
    private final ConnectionSupervisor supervisor;
    private final SequenceGuard guard;
    private final SplitMetrics metrics;
    private final HealthReporter health;
    private final RateLimitedLog rejectedLog = new RateLimitedLog(LOG, 10_000);

    SplitFeed(
            String splitId,
            Venue venue,
            ExchangeAdapter adapter,
            ConnectionSupervisor supervisor,
            SequenceGuard guard,
            SplitMetrics metrics,
            HealthReporter health) {
        this.splitId = splitId;
        this.venue = venue;
        this.adapter = adapter;
        this.supervisor = supervisor;
        this.guard = guard;
        this.metrics = metrics;
        this.health = health;
    }

    ConnectionSupervisor supervisor() {
        return supervisor;
    }

    void onFrame(RawFrame frame, Consumer<FeedEvent> out) {
        long received = frame.receivedAtMicros();
        metrics.frame(frame.text().length(), received);
        guard.frameReceived(received);
        ParsedFrame parsed;
        try {
            parsed = adapter.parse(frame.text(), received);
        } catch (RuntimeException e) {
            // Adapters promise never to throw on venue data; one that does must not stop the job.
            parsed = new ParsedFrame.Malformed("parser_error", e.toString());
        }
        route(parsed, frame, out);
    }

    private void route(ParsedFrame parsed, RawFrame frame, Consumer<FeedEvent> out) {
        if (parsed instanceof ParsedFrame.Trades t) {
            for (Trade trade : t.trades()) {
                guard.onTrade(trade, out);
            }
        } else if (parsed instanceof ParsedFrame.SequenceMark m) {
            guard.onSequenceMark(m.instrument(), m.lastSequence(), frame.receivedAtMicros(), out);
        } else if (parsed instanceof ParsedFrame.Malformed m) {
            deadLetter(m.reason(), m.detail(), frame, out);
        } else if (parsed instanceof ParsedFrame.Control c) {
            switch (c.kind()) {
                case ERROR -> deadLetter("venue_error", c.detail(), frame, out);
                case RECONNECT -> supervisor.renew("venue notice: " + c.detail());
                case HEARTBEAT -> metrics.heartbeats.inc();
                case SUBSCRIBED -> LOG.debug("{} {} subscribed: {}", venue, splitId, c.detail());
            }
        } else {
            LOG.debug("{} frame on {} ignored: {}", venue, splitId, parsed);
        }
    }

    void onConnected(long nowMicros, Consumer<FeedEvent> out) {
        guard.onConnected(nowMicros, out);
    }

    void onPage(BackfillPage page, Consumer<FeedEvent> out) {
        guard.onPage(page, out);
    }

    /** Emits the health report when one is due. */
    void report(long nowNanos, long nowMicros, Consumer<FeedEvent> out) {
        FeedHealth.State state = supervisor.state();
        if (state == FeedHealth.State.OPEN && guard.backfilling()) {
            state = FeedHealth.State.BACKFILLING;
        }
        health.due(nowNanos, nowMicros, state).ifPresent(h -> out.accept(FeedEvent.of(h)));
    }

    private void deadLetter(String reason, String detail, RawFrame frame, Consumer<FeedEvent> out) {
        metrics.deadLetters.inc();
        String text = frame.text();
        rejectedLog.warn(
                "{} frame rejected ({}: {}): {}",
                venue,
                reason,
                detail,
                text.length() > LOGGED_PAYLOAD_CHARS
                        ? text.substring(0, LOGGED_PAYLOAD_CHARS) + "..."
                        : text);
        out.accept(
                FeedEvent.of(
                        new DeadLetter(venue, reason, detail, text, frame.receivedAtMicros())));
    }
}
