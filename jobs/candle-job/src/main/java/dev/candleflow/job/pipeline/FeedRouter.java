package dev.candleflow.job.pipeline;

import dev.candleflow.model.DeadLetter;
import dev.candleflow.model.Trade;
import dev.candleflow.source.FeedEvent;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/** Trades go on; dead letters from the source leave through {@link #DEAD_LETTERS}. */
public final class FeedRouter extends ProcessFunction<FeedEvent, Trade> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

    @Override
    public void processElement(FeedEvent e, Context ctx, Collector<Trade> out) {
        if (e.isTrade()) {
            out.collect(e.trade());
        } else {
            ctx.output(DEAD_LETTERS, e.deadLetter());
        }
    }
}
