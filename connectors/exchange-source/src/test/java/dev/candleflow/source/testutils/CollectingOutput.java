package dev.candleflow.source.testutils;

import dev.candleflow.source.FeedEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.SourceOutput;

/** A source output that keeps what was emitted, with the timestamps (null when none). */
public final class CollectingOutput implements SourceOutput<FeedEvent> {

    public final List<FeedEvent> events = new ArrayList<>();
    public final List<Long> timestamps = new ArrayList<>();

    @Override
    public void collect(FeedEvent record) {
        events.add(record);
        timestamps.add(null);
    }

    @Override
    public void collect(FeedEvent record, long timestamp) {
        events.add(record);
        timestamps.add(timestamp);
    }

    @Override
    public void emitWatermark(Watermark watermark) {}

    @Override
    public void markIdle() {}

    @Override
    public void markActive() {}
}
