package dev.candleflow.source.reader;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Venue;
import dev.candleflow.source.FeedEvent;
import dev.candleflow.source.enumerator.SplitLayout;
import dev.candleflow.source.split.ExchangeSplit;
import dev.candleflow.source.split.ExchangeSplitState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The source reader: one fetcher thread serving all of this subtask's connections. Splits it
 * restores from a checkpoint are first narrowed to the venues and instruments configured now
 * ({@link SplitLayout#narrow}, as the enumerator narrows its own), so a job restored with fewer
 * symbols stops subscribing to the removed ones.
 */
public final class ExchangeSourceReader
        extends SingleThreadMultiplexSourceReaderBase<
                FeedEvent, FeedEvent, ExchangeSplit, ExchangeSplitState> {

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeSourceReader.class);

    private final Map<Venue, List<InstrumentId>> subscriptions;

    public ExchangeSourceReader(
            Supplier<SplitReader<FeedEvent, ExchangeSplit>> splitReader,
            TradeRecordEmitter emitter,
            Map<Venue, List<InstrumentId>> subscriptions,
            Configuration config,
            SourceReaderContext context) {
        super(splitReader, emitter, config, context);
        this.subscriptions = Map.copyOf(subscriptions);
    }

    @Override
    public void addSplits(List<ExchangeSplit> splits) {
        List<ExchangeSplit> kept = new ArrayList<>(splits.size());
        for (ExchangeSplit split : splits) {
            Optional<ExchangeSplit> narrowed = SplitLayout.narrow(split, subscriptions);
            if (narrowed.isEmpty()) {
                LOG.info("Dropping split {}: none of its instruments is configured", split);
            } else {
                if (!narrowed.get().equals(split)) {
                    LOG.info("Split {} narrowed to the configured {}", split, narrowed.get());
                }
                kept.add(narrowed.get());
            }
        }
        if (!kept.isEmpty()) {
            super.addSplits(kept);
        }
    }

    @Override
    public void start() {
        // Splits are assigned on request; ask once, the enumerator sends all of ours.
        context.sendSplitRequest();
    }

    @Override
    protected void onSplitFinished(Map<String, ExchangeSplitState> finishedSplitIds) {
        // Connections never finish; nothing to do.
    }

    @Override
    protected ExchangeSplitState initializedState(ExchangeSplit split) {
        return new ExchangeSplitState(split);
    }

    @Override
    protected ExchangeSplit toSplitType(String splitId, ExchangeSplitState state) {
        return state.toSplit();
    }
}
