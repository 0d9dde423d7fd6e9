package dev.candleflow.source.reader;

import dev.candleflow.model.Venue;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.metrics.MetricGroup;

/**
 * The reader's feed metrics, one {@link SplitMetrics} per connection under {@code
 * ...venue.<id>.split.<splitId>.<metric>}; reporters aggregate per venue from the venue variable.
 */
public final class FeedMetrics {

    private final MetricGroup group;
    private final Map<String, SplitMetrics> splits = new ConcurrentHashMap<>();

    public FeedMetrics(MetricGroup group) {
        this.group = group;
    }

    /** The metrics of one split, registered on first use; any thread. */
    public SplitMetrics split(String splitId, Venue venue) {
        return splits.computeIfAbsent(
                splitId,
                id -> new SplitMetrics(group.addGroup("venue", venue.id()).addGroup("split", id)));
    }
}
