package dev.candleflow.simulator;

import dev.candleflow.simulator.fault.Faults;
import dev.candleflow.simulator.market.SimTrade;
import dev.candleflow.simulator.replay.ReplayFeed;
import dev.candleflow.simulator.venue.SimulatedVenue;
import dev.candleflow.simulator.venue.VenueId;
import dev.candleflow.simulator.venue.VenueTrade;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Local Binance spot venue for tests and demos: a seeded market (or a replayed capture) served over
 * Binance's WebSocket protocol and its REST trade history on 127.0.0.1, with fault injection. A
 * Binance-only {@link MarketSimulator} behind the API that tests and the local stack already use.
 *
 * <pre>{@code
 * try (BinanceSimulator sim = BinanceSimulator.builder()
 *         .symbols("BTCUSDT", "ETHUSDT").seed(7).tradesPerSecond(50).speed(60)
 *         .eventDuration(Duration.ofMinutes(5)).build().start()) {
 *     URI ws = sim.combinedStreamUri("btcusdt@trade", "ethusdt@trade");
 *     URI rest = sim.restBaseUri(); // GET /api/v3/historicalTrades?symbol=BTCUSDT&fromId=..
 *     sim.faults().withhold(20);    // a gap that only the REST API can fill
 *     sim.awaitFinished(Duration.ofSeconds(30));
 *     List<SimTrade> expected = sim.publishedTrades();
 * }
 * }</pre>
 */
public final class BinanceSimulator implements AutoCloseable {

    /** Replay speed factor meaning "as fast as possible". */
    public static final double REPLAY_FULL_SPEED = ReplayFeed.FULL_SPEED;

    private final MarketSimulator market;
    private final Map<Consumer<SimTrade>, Consumer<VenueTrade>> listeners =
            new ConcurrentHashMap<>();

    BinanceSimulator(SimulatorConfig config) {
        this.market = new MarketSimulator(config.toMarketSimulator());
    }

    public static BinanceSimulatorBuilder builder() {
        return new BinanceSimulatorBuilder();
    }

    /**
     * Binds the servers; starts the feed now unless it waits for the first subscription.
     *
     * @return this, for try-with-resources chaining
     * @throws IOException if a port cannot be bound
     */
    public BinanceSimulator start() throws IOException {
        market.start();
        return this;
    }

    /** The bound WebSocket port; only after {@link #start()}. */
    public int port() {
        try {
            return venue().wsPort();
        } catch (IllegalStateException e) {
            throw new IllegalStateException("simulator not started", e);
        }
    }

    /** {@code ws://127.0.0.1:<port>}. */
    public URI wsBaseUri() {
        return URI.create("ws://127.0.0.1:" + port());
    }

    /**
     * {@code http://127.0.0.1:<restPort>}: Binance's REST API for trades ({@code
     * /api/v3/historicalTrades}, {@code /api/v3/trades}), served from the same published trades.
     */
    public URI restBaseUri() {
        port();
        return market.restBaseUri(VenueId.BINANCE);
    }

    /** {@code ws://127.0.0.1:<port>/ws/<stream>}: raw payloads. */
    public URI rawStreamUri(String stream) {
        return URI.create(wsBaseUri() + "/ws/" + stream);
    }

    /** {@code ws://127.0.0.1:<port>/stream?streams=<s1>/<s2>}: wrapped payloads. */
    public URI combinedStreamUri(String... streams) {
        return URI.create(wsBaseUri() + "/stream?streams=" + String.join("/", streams));
    }

    /**
     * Snapshot of the published trades in publication order (at most recordCapacity). A trade is
     * published when it happens on the venue: it is in the REST history even if a fault kept it off
     * the WebSocket.
     */
    public List<SimTrade> publishedTrades() {
        return venue().publishedTrades().stream().map(BinanceSimulator::toSimTrade).toList();
    }

    /** All trades published so far, including any evicted from the record. */
    public long publishedTradeCount() {
        return venue().publishedTradeCount();
    }

    /**
     * Registers a listener called on the feed thread for every published trade, after it is
     * recorded and sent. It must be quick: it paces the market.
     */
    public void addTradeListener(Consumer<SimTrade> listener) {
        Objects.requireNonNull(listener, "listener");
        Consumer<VenueTrade> adapter = t -> listener.accept(toSimTrade(t));
        if (listeners.putIfAbsent(listener, adapter) == null) {
            market.addTradeListener(adapter);
        }
    }

    public void removeTradeListener(Consumer<SimTrade> listener) {
        Consumer<VenueTrade> adapter = listeners.remove(listener);
        if (adapter != null) {
            market.removeTradeListener(adapter);
        }
    }

    /**
     * Waits until every trade with event time {@code <= epochMillis} has been published (or the run
     * finished).
     *
     * @return false on timeout
     */
    public boolean awaitEventTimeReached(long epochMillis, Duration timeout)
            throws InterruptedException {
        return market.awaitEventTimeReached(epochMillis, timeout);
    }

    /** Waits for a bounded run (eventDuration, or the end of a replay) to finish. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return market.awaitFinished(timeout);
    }

    /** True once a bounded run has produced everything. */
    public boolean isFinished() {
        return market.isFinished();
    }

    /** True once the market (or replay) has started producing. */
    public boolean isMarketStarted() {
        return market.isMarketStarted();
    }

    /** Event time of the market open (or the first replayed {@code E}), once started. */
    public OptionalLong eventStartMillis() {
        return market.eventStartMillis();
    }

    /** Waits for the market open; see {@link MarketSimulator#awaitEventStart(Duration)}. */
    public OptionalLong awaitEventStart(Duration timeout) throws InterruptedException {
        return market.awaitEventStart(timeout);
    }

    /** Open client connections. */
    public int connectionCount() {
        return venue().connectionCount();
    }

    /** Fault injection on this venue, on demand; the builder's {@code faultPlan} runs by itself. */
    public Faults faults() {
        return venue().faults();
    }

    /** The underlying multi-venue simulator (Binance only). */
    public MarketSimulator market() {
        return market;
    }

    /** Stops the feed and the servers; idempotent. */
    @Override
    public void close() {
        market.close();
    }

    private SimulatedVenue venue() {
        return market.venue(VenueId.BINANCE);
    }

    static SimTrade toSimTrade(VenueTrade t) {
        return new SimTrade(
                t.symbol(),
                Long.parseLong(t.tradeId()),
                t.price(),
                t.quantity(),
                t.eventTimeMillis(),
                t.takerSide().buyerIsMaker());
    }
}
