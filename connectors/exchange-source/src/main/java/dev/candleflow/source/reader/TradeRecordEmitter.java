package dev.candleflow.source.reader;

import dev.candleflow.model.DeadLetter;
import dev.candleflow.model.Trade;
import dev.candleflow.model.Venue;
import dev.candleflow.protocol.ExchangeAdapter;
import dev.candleflow.protocol.ParsedFrame;
import dev.candleflow.protocol.SequencePolicy;
import dev.candleflow.source.FeedEvent;
import dev.candleflow.source.split.ExchangeSplitState;
import java.util.function.Function;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.connector.base.source.reader.RecordEmitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses each frame with its venue's adapter, drops trades whose sequence was seen already, counts
 * gaps, advances the split's last sequence and emits trades at their event time. Frames that cannot
 * be used are emitted as dead letters with the adapter's reason.
 */
public final class TradeRecordEmitter
        implements RecordEmitter<RawFrame, FeedEvent, ExchangeSplitState> {

    private static final Logger LOG = LoggerFactory.getLogger(TradeRecordEmitter.class);
    private static final int LOGGED_PAYLOAD_CHARS = 500;

    private final Function<Venue, ExchangeAdapter> adapters;
    private final FeedMetrics metrics;
    private final RateLimitedLog malformedLog = new RateLimitedLog(LOG, 10_000);
    private final RateLimitedLog gapLog = new RateLimitedLog(LOG, 10_000);

    public TradeRecordEmitter(Function<Venue, ExchangeAdapter> adapters, FeedMetrics metrics) {
        this.adapters = adapters;
        this.metrics = metrics;
    }

    @Override
    public void emitRecord(
            RawFrame frame, SourceOutput<FeedEvent> output, ExchangeSplitState split) {
        Venue venue = split.venue();
        ExchangeAdapter adapter = adapters.apply(venue);
        FeedMetrics.VenueCounters counters = metrics.of(venue);
        counters.frames.inc();
        ParsedFrame parsed = adapter.parse(frame.text(), frame.receivedAtMicros());
        if (parsed instanceof ParsedFrame.Trades t) {
            for (Trade trade : t.trades()) {
                emitTrade(trade, adapter.sequencePolicy(), output, split, counters);
            }
        } else if (parsed instanceof ParsedFrame.Malformed m) {
            deadLetter(venue, m.reason(), m.detail(), frame, output, counters);
        } else if (parsed instanceof ParsedFrame.Control c
                && c.kind() == ParsedFrame.ControlKind.ERROR) {
            deadLetter(venue, "venue_error", c.detail(), frame, output, counters);
        } else {
            LOG.debug("{} frame on {} not a trade: {}", venue, split.splitId(), parsed);
        }
    }

    private void emitTrade(
            Trade trade,
            SequencePolicy policy,
            SourceOutput<FeedEvent> output,
            ExchangeSplitState split,
            FeedMetrics.VenueCounters counters) {
        Long last = split.lastSequence(trade.instrument());
        if (policy != SequencePolicy.NONE && last != null) {
            if (trade.sequence() <= last) {
                counters.duplicates.inc();
                return;
            }
            long missing = trade.sequence() - last - 1;
            if (policy == SequencePolicy.STRICT_INCREMENT && missing > 0) {
                counters.gaps.inc();
                counters.missedTrades.inc(missing);
                gapLog.warn(
                        "{} {} trade ids {}..{} missing ({} trades)",
                        trade.venue(),
                        trade.instrument(),
                        last + 1,
                        trade.sequence() - 1,
                        missing);
            }
        }
        if (policy != SequencePolicy.NONE) {
            split.recordSequence(trade.instrument(), trade.sequence());
        }
        counters.trades.inc();
        output.collect(FeedEvent.of(trade), trade.eventTimeMillis());
    }

    private void deadLetter(
            Venue venue,
            String reason,
            String detail,
            RawFrame frame,
            SourceOutput<FeedEvent> output,
            FeedMetrics.VenueCounters counters) {
        counters.deadLetters.inc();
        String text = frame.text();
        malformedLog.warn(
                "{} frame rejected ({}: {}): {}",
                venue,
                reason,
                detail,
                text.length() > LOGGED_PAYLOAD_CHARS
                        ? text.substring(0, LOGGED_PAYLOAD_CHARS) + "..."
                        : text);
        output.collect(
                FeedEvent.of(
                        new DeadLetter(venue, reason, detail, text, frame.receivedAtMicros())));
    }
}
