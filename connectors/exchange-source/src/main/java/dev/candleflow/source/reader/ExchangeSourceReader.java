package dev.candleflow.source.reader;

import dev.candleflow.source.FeedEvent;
import dev.candleflow.source.split.ExchangeSplit;
import dev.candleflow.source.split.ExchangeSplitState;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;

/** The source reader: one fetcher thread serving all of this subtask's connections. */
public final class ExchangeSourceReader
        extends SingleThreadMultiplexSourceReaderBase<
                FeedEvent, FeedEvent, ExchangeSplit, ExchangeSplitState> {

    public ExchangeSourceReader(
            Supplier<SplitReader<FeedEvent, ExchangeSplit>> splitReader,
            TradeRecordEmitter emitter,
            Configuration config,
            SourceReaderContext context) {
        super(splitReader, emitter, config, context);
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
