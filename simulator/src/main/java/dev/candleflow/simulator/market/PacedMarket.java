package dev.candleflow.simulator.market;

import dev.candleflow.simulator.feed.AbstractFeed;
import dev.candleflow.simulator.feed.EventClock;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs a {@link MarketGenerator} against the wall clock: each trade is handed to the sink when the
 * accelerated event clock reaches its time, whether or not anyone is listening.
 */
public final class PacedMarket extends AbstractFeed {

    private static final long MILLIS_PER_MINUTE = 60_000L;

    private final MarketConfig config;
    private final Consumer<SimTrade> sink;

    /**
     * @param sink receives every trade on the market thread, in event-time order
     */
    public PacedMarket(MarketConfig config, Consumer<SimTrade> sink) {
        super("binance-sim-market");
        this.config = Objects.requireNonNull(config, "config");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    protected void produce() throws InterruptedException {
        long startMillis =
                config.startTimeMillis()
                        .orElseGet(
                                () ->
                                        Math.floorDiv(System.currentTimeMillis(), MILLIS_PER_MINUTE)
                                                * MILLIS_PER_MINUTE);
        setEventStartMillis(startMillis);
        MarketGenerator generator =
                new MarketGenerator(
                        config.symbols(),
                        config.seed(),
                        config.tradesPerSecond(),
                        startMillis,
                        config.tradeIdBase());
        long startMicros = startMillis * 1000L;
        EventClock clock = new EventClock(startMicros, config.speed(), System.nanoTime());
        long endMicros =
                config.eventDuration()
                        .map(d -> startMicros + d.toNanos() / 1000L)
                        .orElse(Long.MAX_VALUE);
        while (true) {
            long dueMicros = generator.peekEventMicros();
            if (dueMicros >= endMicros) {
                if (awaitEventTime(clock, endMicros)) {
                    markFinished();
                }
                return;
            }
            // Trades come out in time order, so everything before this millisecond is out already.
            advanceProgress(Math.floorDiv(dueMicros, 1000L) - 1);
            if (!awaitEventTime(clock, dueMicros)) {
                return;
            }
            sink.accept(generator.next());
        }
    }
}
