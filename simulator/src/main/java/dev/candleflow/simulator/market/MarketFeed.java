package dev.candleflow.simulator.market;

import dev.candleflow.simulator.feed.AbstractFeed;
import dev.candleflow.simulator.feed.EventClock;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs a {@link MultiVenueMarket} against the wall clock: each trade goes to the sink when the
 * accelerated event clock reaches its time, whether or not anyone is listening.
 */
public final class MarketFeed extends AbstractFeed {

    private static final long MILLIS_PER_MINUTE = 60_000L;

    private final MarketConfig config;
    private final List<String> venues;
    private final List<Double> basis;
    private final Consumer<MarketTrade> sink;
    private final Runnable beforeFinish;

    /**
     * @param threadName name of the market thread
     * @param venues venue names, which name their random streams
     * @param basis each venue's relative price offset from the underlying
     * @param sink receives every trade on the market thread, in event-time order
     * @param beforeFinish runs on the market thread after the last trade of a bounded run, before
     *     the run counts as finished
     */
    public MarketFeed(
            String threadName,
            MarketConfig config,
            List<String> venues,
            List<Double> basis,
            Consumer<MarketTrade> sink,
            Runnable beforeFinish) {
        super(threadName);
        this.config = Objects.requireNonNull(config, "config");
        this.venues = List.copyOf(venues);
        this.basis = List.copyOf(basis);
        this.sink = Objects.requireNonNull(sink, "sink");
        this.beforeFinish = Objects.requireNonNull(beforeFinish, "beforeFinish");
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
        MultiVenueMarket market =
                new MultiVenueMarket(
                        venues,
                        basis,
                        config.instruments(),
                        config.seed(),
                        config.tradesPerSecond(),
                        startMillis);
        long startMicros = startMillis * 1000L;
        EventClock clock = new EventClock(startMicros, config.speed(), System.nanoTime());
        long endMicros =
                config.eventDuration()
                        .map(d -> startMicros + d.toNanos() / 1000L)
                        .orElse(Long.MAX_VALUE);
        while (true) {
            long dueMicros = market.peekEventMicros();
            if (dueMicros >= endMicros) {
                if (awaitEventTime(clock, endMicros)) {
                    beforeFinish.run();
                    markFinished();
                }
                return;
            }
            // Trades come out in time order, so everything before this millisecond is out already.
            advanceProgress(Math.floorDiv(dueMicros, 1000L) - 1);
            if (!awaitEventTime(clock, dueMicros)) {
                return;
            }
            sink.accept(market.next());
        }
    }
}
