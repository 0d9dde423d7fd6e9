package dev.candleflow.job.pipeline;

import dev.candleflow.model.DeadLetter;
import dev.candleflow.model.FeedHealth;
import dev.candleflow.model.Trade;
import dev.candleflow.source.FeedEvent;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Trades go on; dead letters and feed-health reports from the source leave through {@link
 * #DEAD_LETTERS} and {@link #HEALTH}.
 */
public final class FeedRouter extends ProcessFunction<FeedEvent, Trade> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

    public static final OutputTag<FeedHealth> HEALTH = new OutputTag<>("feed-health") {};

    @Override
    public void processElement(FeedEvent e, Context ctx, Collector<Trade> out) {
        if (e.isTrade()) {
            out.collect(e.trade());
        } else if (e.isDeadLetter()) {
            ctx.output(DEAD_LETTERS, e.deadLetter());
        } else if (e.isHealth()) {
            ctx.output(HEALTH, e.health());
        }
    }
}
