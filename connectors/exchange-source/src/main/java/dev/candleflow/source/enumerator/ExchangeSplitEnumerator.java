package dev.candleflow.source.enumerator;

import dev.candleflow.source.split.ExchangeSplit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out the connection splits of a {@link SplitLayout}. A split belongs to reader {@code
 * hash(splitId) mod parallelism}, so a restarted reader gets back the same connections; splits
 * return here from failed readers and are handed out again on the next request. The layout is
 * checkpointed with the unassigned splits, so a restore with more instruments or venues can give
 * the new ones splits of their own.
 */
public final class ExchangeSplitEnumerator
        implements SplitEnumerator<ExchangeSplit, ExchangeEnumState> {

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeSplitEnumerator.class);

    private final SplitEnumeratorContext<ExchangeSplit> context;
    private final List<ExchangeSplit> unassigned;
    private final SplitLayout layout;

    /** A fresh enumerator: every split of the layout is unassigned. */
    public ExchangeSplitEnumerator(
            SplitEnumeratorContext<ExchangeSplit> context, SplitLayout layout) {
        this(context, layout.splits(), layout);
    }

    public ExchangeSplitEnumerator(
            SplitEnumeratorContext<ExchangeSplit> context,
            List<ExchangeSplit> unassigned,
            SplitLayout layout) {
        this.context = context;
        this.unassigned = new ArrayList<>(unassigned);
        this.layout = layout;
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        int parallelism = context.currentParallelism();
        List<ExchangeSplit> mine = new ArrayList<>();
        for (Iterator<ExchangeSplit> it = unassigned.iterator(); it.hasNext(); ) {
            ExchangeSplit split = it.next();
            if (owner(split, parallelism) == subtaskId) {
                mine.add(split);
                it.remove();
            }
        }
        if (!mine.isEmpty()) {
            Map<Integer, List<ExchangeSplit>> assignment = new LinkedHashMap<>();
            assignment.put(subtaskId, mine);
            context.assignSplits(new SplitsAssignment<>(assignment));
            LOG.info("Assigned {} split(s) to reader {}: {}", mine.size(), subtaskId, mine);
        }
    }

    static int owner(ExchangeSplit split, int parallelism) {
        return Math.floorMod(split.splitId().hashCode(), parallelism);
    }

    @Override
    public void addSplitsBack(List<ExchangeSplit> splits, int subtaskId) {
        LOG.info("Reader {} returned {} split(s)", subtaskId, splits.size());
        unassigned.addAll(splits);
    }

    @Override
    public void addReader(int subtaskId) {
        // Readers ask for splits when they start (handleSplitRequest).
    }

    @Override
    public ExchangeEnumState snapshotState(long checkpointId) {
        return new ExchangeEnumState(unassigned, layout.splits());
    }

    @Override
    public void close() {}
}
