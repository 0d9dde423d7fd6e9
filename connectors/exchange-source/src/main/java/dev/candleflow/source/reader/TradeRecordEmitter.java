package dev.candleflow.source.reader;

import dev.candleflow.model.Trade;
import dev.candleflow.model.Venue;
import dev.candleflow.protocol.ExchangeAdapter;
import dev.candleflow.protocol.SequencePolicy;
import dev.candleflow.source.FeedEvent;
import dev.candleflow.source.split.ExchangeSplitState;
import java.util.function.Function;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.connector.base.source.reader.RecordEmitter;

/**
 * Emits what the fetcher prepared, on the task thread: trades at their event time, advancing the
 * split's checkpointed last sequence (a trade at or below it is dropped as a duplicate, which keeps
 * the state exact even if the fetcher missed one), dead letters and health reports as they are.
 */
public final class TradeRecordEmitter
        implements RecordEmitter<FeedEvent, FeedEvent, ExchangeSplitState> {

    private final Function<Venue, ExchangeAdapter> adapters;
    private final FeedMetrics metrics;

    public TradeRecordEmitter(Function<Venue, ExchangeAdapter> adapters, FeedMetrics metrics) {
        this.adapters = adapters;
        this.metrics = metrics;
    }

    @Override
    public void emitRecord(
            FeedEvent event, SourceOutput<FeedEvent> output, ExchangeSplitState split) {
        if (!event.isTrade()) {
            output.collect(event);
            return;
        }
        Trade trade = event.trade();
        SplitMetrics counters = metrics.split(split.splitId(), split.venue());
        if (adapters.apply(split.venue()).sequencePolicy() != SequencePolicy.NONE) {
            Long last = split.lastSequence(trade.instrument());
            if (last != null && trade.sequence() <= last) {
                counters.duplicates.inc();
                return;
            }
            split.recordTrade(trade.instrument(), trade.sequence(), trade.eventTimeMicros());
        }
        counters.trades.inc();
        output.collect(event, trade.eventTimeMillis());
    }
}
