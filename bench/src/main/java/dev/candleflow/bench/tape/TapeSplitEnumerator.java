package dev.candleflow.bench.tape;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;

/**
 * Hands split {@code i} to reader {@code i % parallelism}, all at once on its first request: with
 * one split per venue and reader, every reader gets an equal share of every venue.
 */
final class TapeSplitEnumerator implements SplitEnumerator<TapeSplit, List<TapeSplit>> {

    private final SplitEnumeratorContext<TapeSplit> context;
    private final List<TapeSplit> unassigned;

    TapeSplitEnumerator(SplitEnumeratorContext<TapeSplit> context, List<TapeSplit> unassigned) {
        this.context = context;
        this.unassigned = new ArrayList<>(unassigned);
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtask, String requesterHostname) {
        int parallelism = context.currentParallelism();
        List<TapeSplit> mine = new ArrayList<>();
        unassigned.removeIf(s -> s.index() % parallelism == subtask && mine.add(s));
        if (!mine.isEmpty()) {
            context.assignSplits(new SplitsAssignment<>(Map.of(subtask, mine)));
        }
        context.signalNoMoreSplits(subtask);
    }

    @Override
    public void addSplitsBack(List<TapeSplit> splits, int subtask) {
        // The restarted reader asks again and gets them.
        unassigned.addAll(splits);
    }

    @Override
    public void addReader(int subtask) {}

    @Override
    public List<TapeSplit> snapshotState(long checkpointId) {
        return List.copyOf(unassigned);
    }

    @Override
    public void close() {}
}
