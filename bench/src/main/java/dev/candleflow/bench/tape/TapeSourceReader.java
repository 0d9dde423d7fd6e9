package dev.candleflow.bench.tape;

import dev.candleflow.source.FeedEvent;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;

/** The source reader: one fetcher thread for all of this subtask's splits, as in production. */
final class TapeSourceReader
        extends SingleThreadMultiplexSourceReaderBase<
                FeedEvent, FeedEvent, TapeSplit, TapeSplitState> {

    TapeSourceReader(
            Supplier<SplitReader<FeedEvent, TapeSplit>> splitReader, SourceReaderContext context) {
        super(splitReader, new TapeRecordEmitter(), new Configuration(), context);
    }

    @Override
    public void start() {
        context.sendSplitRequest();
    }

    @Override
    protected void onSplitFinished(Map<String, TapeSplitState> finishedSplitIds) {
        // Nothing to clean up: the tape stays for the next run.
    }

    @Override
    protected TapeSplitState initializedState(TapeSplit split) {
        return new TapeSplitState(split);
    }

    @Override
    protected TapeSplit toSplitType(String splitId, TapeSplitState state) {
        return state.toSplit();
    }
}
