package dev.candleflow.simulator;

import dev.candleflow.simulator.fault.Faults;
import dev.candleflow.simulator.feed.Feed;
import dev.candleflow.simulator.market.Instrument;
import dev.candleflow.simulator.market.InstrumentSpec;
import dev.candleflow.simulator.market.MarketConfig;
import dev.candleflow.simulator.market.MarketFeed;
import dev.candleflow.simulator.market.MarketTrade;
import dev.candleflow.simulator.replay.ReplayFeed;
import dev.candleflow.simulator.replay.ReplayFrame;
import dev.candleflow.simulator.venue.SimulatedVenue;
import dev.candleflow.simulator.venue.TradeMint;
import dev.candleflow.simulator.venue.VenueId;
import dev.candleflow.simulator.venue.VenueListing;
import dev.candleflow.simulator.venue.VenueTrade;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One seeded market traded on several simulated venues at once, each on its own WebSocket port with
 * its own protocol, plus its REST trade history. Every venue trades the same underlying price
 * shifted by a small per-venue basis, with its own symbols, trade ids and number formats.
 *
 * <pre>{@code
 * try (MarketSimulator sim = MarketSimulator.builder()
 *         .venues(VenueId.BINANCE, VenueId.OKX, VenueId.COINBASE)
 *         .instruments("BTC-USDT", "ETH-USDT").seed(7).tradesPerSecond(20).speed(60)
 *         .faultPlan(VenueId.OKX, FaultPlan.builder().dropEvery(Duration.ofSeconds(5)).build())
 *         .build().start()) {
 *     URI okxWs = sim.wsBaseUri(VenueId.OKX);     // + /ws/v5/public
 *     URI okxRest = sim.restBaseUri(VenueId.OKX); // + /api/v5/market/history-trades?instId=..
 *     sim.faults(VenueId.OKX).withhold(20);
 *     List<VenueTrade> okxTrades = sim.publishedTrades(VenueId.OKX);
 * }
 * }</pre>
 */
public final class MarketSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MarketSimulator.class);

    private final MarketSimulatorConfig config;
    private final Map<VenueId, SimulatedVenue> venues = new LinkedHashMap<>();
    private final List<SimulatedVenue> byIndex = new ArrayList<>();
    private final List<TradeMint> mints = new ArrayList<>();
    private final TradeListeners<VenueTrade> listeners = new TradeListeners<>();
    private final Feed feed;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean marketOpened = new AtomicBoolean();
    private volatile long lastEventMicros = Long.MIN_VALUE;
    private long replaySequence; // feed thread only

    MarketSimulator(MarketSimulatorConfig config) {
        this.config = config;
        long seed = config.market().map(MarketConfig::seed).orElse(0L);
        for (VenueId id : config.venues()) {
            TradeMint mint = new TradeMint(id, Venues.format(id), seed, config.tradeIdBase());
            VenueListing listing =
                    config.market()
                            .map(m -> listing(mint, m.instruments()))
                            .orElseGet(VenueListing::any);
            SimulatedVenue venue =
                    new SimulatedVenue(
                            Venues.spec(id, listing, config.options().get(id), config.protocols()),
                            config.faultPlans().get(id),
                            this::nowMicros,
                            this::onSubscription);
            venues.put(id, venue);
            byIndex.add(venue);
            mints.add(mint);
        }
        this.feed =
                config.replay()
                        .<Feed>map(r -> new ReplayFeed(r.file(), r.speed(), this::publishFrame))
                        .orElseGet(this::marketFeed);
    }

    public static MarketSimulatorBuilder builder() {
        return new MarketSimulatorBuilder();
    }

    /**
     * Binds every venue's ports; starts the market now unless it waits for the first subscription.
     *
     * @return this, for try-with-resources chaining
     * @throws IOException if a port cannot be bound
     */
    public MarketSimulator start() throws IOException {
        if (closed.get()) {
            throw new IllegalStateException("simulator is closed");
        }
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("simulator already started");
        }
        try {
            for (SimulatedVenue venue : venues.values()) {
                venue.start();
            }
        } catch (IOException e) {
            close();
            throw e;
        }
        if (!config.startOnFirstSubscription()) {
            openMarket();
        }
        venues.values().forEach(v -> LOG.info("{} simulator on {}", v.id(), v.wsBaseUri()));
        return this;
    }

    /** The simulated venues, in configuration order. */
    public List<VenueId> venues() {
        return List.copyOf(venues.keySet());
    }

    /** One venue: its URIs, faults, listing and published trades. */
    public SimulatedVenue venue(VenueId id) {
        SimulatedVenue venue = venues.get(Objects.requireNonNull(id, "id"));
        if (venue == null) {
            throw new IllegalArgumentException(id + " is not simulated here; venues: " + venues());
        }
        return venue;
    }

    /** {@code ws://127.0.0.1:<port>} of {@code id}'s WebSocket server. */
    public URI wsBaseUri(VenueId id) {
        return venue(id).wsBaseUri();
    }

    /**
     * {@code http://127.0.0.1:<port>} of {@code id}'s REST API.
     *
     * @throws IllegalStateException for a venue without REST trade history (Bybit)
     */
    public URI restBaseUri(VenueId id) {
        return venue(id)
                .restBaseUri()
                .orElseThrow(() -> new IllegalStateException(id + " has no REST trade history"));
    }

    /**
     * {@code id}'s own symbol for a canonical instrument ({@code BTC-USDT} on Kraken: {@code
     * BTC/USDT}).
     */
    public String symbol(VenueId id, String instrument) {
        return Venues.symbol(venue(id).id(), Instrument.parse(instrument));
    }

    /** The trades {@code id} published, in publication order, whether or not a socket got them. */
    public List<VenueTrade> publishedTrades(VenueId id) {
        return venue(id).publishedTrades();
    }

    /** {@link #publishedTrades(VenueId)} by venue name ({@code "okx"}). */
    public List<VenueTrade> publishedTrades(String venueId) {
        return publishedTrades(VenueId.fromId(venueId));
    }

    /** All trades {@code id} published so far, including any evicted from the record. */
    public long publishedTradeCount(VenueId id) {
        return venue(id).publishedTradeCount();
    }

    public Faults faults(VenueId id) {
        return venue(id).faults();
    }

    public int connectionCount(VenueId id) {
        return venue(id).connectionCount();
    }

    /** Called on the market thread for every published trade of every venue; must be quick. */
    public void addTradeListener(Consumer<VenueTrade> listener) {
        listeners.add(listener);
    }

    public void removeTradeListener(Consumer<VenueTrade> listener) {
        listeners.remove(listener);
    }

    /**
     * Waits until every trade with event time {@code <= epochMillis} has been published on every
     * venue (or the run finished).
     *
     * @return false on timeout
     */
    public boolean awaitEventTimeReached(long epochMillis, Duration timeout)
            throws InterruptedException {
        return feed.awaitProgress(epochMillis, timeout);
    }

    /** Waits for a bounded run to finish. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return feed.awaitProgress(Long.MAX_VALUE, timeout);
    }

    public boolean isFinished() {
        return feed.isFinished();
    }

    public boolean isMarketStarted() {
        return feed.isStarted();
    }

    public OptionalLong eventStartMillis() {
        return feed.eventStartMillis();
    }

    /**
     * Waits until the market has opened: a job that is running has not necessarily subscribed yet.
     *
     * @return the event time of the open, or empty on timeout
     */
    public OptionalLong awaitEventStart(Duration timeout) throws InterruptedException {
        return feed.awaitEventStart(timeout);
    }

    /** Stops the market and every venue; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        feed.close();
        venues.values().forEach(SimulatedVenue::close);
    }

    // ---- market -> venues ----

    private MarketFeed marketFeed() {
        MarketConfig market = config.market().orElseThrow();
        List<String> names = config.venues().stream().map(VenueId::id).toList();
        List<Double> basis = config.venues().stream().map(config.basis()::get).toList();
        String thread = (names.size() == 1 ? names.get(0) : "market") + "-sim-market";
        return new MarketFeed(thread, market, names, basis, this::publish, this::flush);
    }

    private static VenueListing listing(TradeMint mint, List<InstrumentSpec> instruments) {
        Map<String, Instrument> symbols = new LinkedHashMap<>();
        instruments.forEach(s -> symbols.put(mint.symbol(s.instrument()), s.instrument()));
        return VenueListing.of(symbols);
    }

    private void publish(MarketTrade trade) {
        VenueTrade venueTrade = mints.get(trade.venueIndex()).mint(trade);
        lastEventMicros = venueTrade.eventTimeMicros();
        byIndex.get(trade.venueIndex()).publish(venueTrade);
        listeners.notify(venueTrade);
    }

    private void flush() {
        byIndex.forEach(SimulatedVenue::flush);
    }

    /** A replayed Binance line: its trade is recorded, the line itself goes out as recorded. */
    private void publishFrame(ReplayFrame frame) {
        SimulatedVenue binance = byIndex.get(0);
        Optional<VenueTrade> trade = frame.venueTrade(++replaySequence);
        trade.ifPresent(
                t -> {
                    lastEventMicros = t.eventTimeMicros();
                    binance.recordOnly(t);
                });
        frame.route()
                .ifPresentOrElse(
                        route -> binance.deliverRouted(route.stream(), route.payload()),
                        () -> binance.broadcastRaw(frame.line()));
        trade.ifPresent(t -> listeners.notify(t));
    }

    /** The venues' clock: the newest published event time, else the (configured) open, else now. */
    private long nowMicros() {
        long last = lastEventMicros;
        if (last != Long.MIN_VALUE) {
            return last;
        }
        OptionalLong start = feed == null ? OptionalLong.empty() : feed.eventStartMillis();
        if (start.isEmpty()) {
            start = config.market().map(MarketConfig::startTimeMillis).orElse(OptionalLong.empty());
        }
        return start.orElseGet(System::currentTimeMillis) * 1000L;
    }

    private void onSubscription() {
        if (!closed.get()) {
            openMarket();
        }
    }

    /** Starts the feed and, with it, every venue's scheduled faults; once. */
    private void openMarket() {
        if (marketOpened.compareAndSet(false, true)) {
            venues.values().forEach(SimulatedVenue::startFaultSchedule);
            feed.start();
        }
    }
}
