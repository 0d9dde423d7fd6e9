package dev.candleflow.bench.tape;

import dev.candleflow.source.FeedEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A bounded FLIP-27 source that plays a {@link Tape} into the job as the exchange source would: the
 * same {@link FeedEvent}s, frames parsed by the real adapters on the fetcher thread, trades stamped
 * with their event time; without sockets, reconnects, sequence checks or health reports.
 *
 * <pre>{@code
 * Tape tape = TapeGenerator.generate(spec);
 * env.fromSource(new TapeSource(tape, 0), TradeWatermarks.strategy(bound, idle), "tape");
 * }</pre>
 */
public final class TapeSource
        implements Source<FeedEvent, TapeSplit, List<TapeSplit>>, ResultTypeQueryable<FeedEvent> {

    private static final long serialVersionUID = 1L;

    private final String tapeId;
    private final int splits;
    private final double tradesPerSecond;

    /**
     * @param tradesPerSecond the rate to release the whole tape at, or 0 for as fast as the job
     *     takes it
     */
    public TapeSource(Tape tape, double tradesPerSecond) {
        this.tapeId = tape.id();
        this.splits = tape.segments().size();
        this.tradesPerSecond = tradesPerSecond;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<TapeSplit, List<TapeSplit>> createEnumerator(
            SplitEnumeratorContext<TapeSplit> context) {
        List<TapeSplit> all = new ArrayList<>();
        for (int i = 0; i < splits; i++) {
            all.add(new TapeSplit(i, 0));
        }
        return new TapeSplitEnumerator(context, all);
    }

    @Override
    public SplitEnumerator<TapeSplit, List<TapeSplit>> restoreEnumerator(
            SplitEnumeratorContext<TapeSplit> context, List<TapeSplit> checkpoint) {
        return new TapeSplitEnumerator(context, checkpoint);
    }

    @Override
    public SourceReader<FeedEvent, TapeSplit> createReader(SourceReaderContext context) {
        Tape tape = Tape.get(tapeId);
        return new TapeSourceReader(() -> new TapeSplitReader(tape, tradesPerSecond), context);
    }

    @Override
    public SimpleVersionedSerializer<TapeSplit> getSplitSerializer() {
        return new TapeSplitSerializer.Splits();
    }

    @Override
    public SimpleVersionedSerializer<List<TapeSplit>> getEnumeratorCheckpointSerializer() {
        return new TapeSplitSerializer.Unassigned();
    }

    @Override
    public TypeInformation<FeedEvent> getProducedType() {
        return TypeInformation.of(FeedEvent.class);
    }
}
