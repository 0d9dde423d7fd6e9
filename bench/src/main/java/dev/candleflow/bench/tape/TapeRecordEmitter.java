package dev.candleflow.bench.tape;

import dev.candleflow.source.FeedEvent;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.connector.base.source.reader.RecordEmitter;

/** Emits on the task thread, trades at their event time, as the exchange source's emitter does. */
final class TapeRecordEmitter implements RecordEmitter<FeedEvent, FeedEvent, TapeSplitState> {

    @Override
    public void emitRecord(FeedEvent event, SourceOutput<FeedEvent> output, TapeSplitState split) {
        split.emitted();
        if (event.isTrade()) {
            output.collect(event, event.trade().eventTimeMillis());
        } else {
            output.collect(event);
        }
    }
}
