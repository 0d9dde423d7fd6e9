package dev.candleflow.job.pipeline;

import dev.candleflow.model.DeadLetter;
import dev.candleflow.model.Trade;
import org.apache.flink.api.common.functions.MapFunction;

/** A trade later than the allowed lateness becomes a dead letter with reason {@code late}. */
public final class LateTrades implements MapFunction<Trade, DeadLetter> {

    private static final long serialVersionUID = 1L;

    @Override
    public DeadLetter map(Trade t) {
        return deadLetter(t);
    }

    /** The dead letter of a trade that came too late for its candle. */
    public static DeadLetter deadLetter(Trade t) {
        String payload =
                "{\"venue\":\""
                        + t.venue().id()
                        + "\",\"symbol\":\""
                        + t.instrument()
                        + "\",\"tradeId\":\""
                        + t.tradeId()
                        + "\",\"eventTimeMicros\":"
                        + t.eventTimeMicros()
                        + ",\"price\":\""
                        + t.price().toPlainString()
                        + "\",\"quantity\":\""
                        + t.quantity().toPlainString()
                        + "\",\"side\":\""
                        + t.aggressor()
                        + "\"}";
        return new DeadLetter(
                t.venue(),
                "late",
                "trade arrived after its candle was closed for good",
                payload,
                t.receivedAtMicros());
    }
}
