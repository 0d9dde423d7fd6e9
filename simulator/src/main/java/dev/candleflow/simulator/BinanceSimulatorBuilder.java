package dev.candleflow.simulator;

import dev.candleflow.simulator.binance.BinanceServerOptions;
import dev.candleflow.simulator.fault.FaultPlan;
import dev.candleflow.simulator.market.InstrumentSpec;
import dev.candleflow.simulator.market.MarketConfig;
import dev.candleflow.simulator.market.SymbolSpec;
import dev.candleflow.simulator.venue.VenueOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Builder of {@link BinanceSimulator}; {@link #build()} validates everything and fails fast with a
 * message naming the bad setting.
 */
public final class BinanceSimulatorBuilder {

    /** Seed used when none is given, so that an unconfigured run is still reproducible. */
    public static final long DEFAULT_SEED = 42L;

    private final List<String> symbolNames = new ArrayList<>();
    private final List<SymbolSpec> symbolSpecs = new ArrayList<>();
    private long seed = DEFAULT_SEED;
    private double tradesPerSecond = 10.0;
    private double speed = 1.0;
    private Long startTimeMillis;
    private Duration eventDuration;
    private Long tradeIdBase;
    private int port;
    private Duration pingInterval = Duration.ofSeconds(20);
    private Duration pongTimeout = Duration.ofSeconds(60);
    private boolean startOnFirstSubscription = true;
    private Path replayFile;
    private double replaySpeed = 1.0;
    private int recordCapacity = VenueOptions.DEFAULT_RECORD_CAPACITY;
    private int maxPendingFrames = VenueOptions.DEFAULT_MAX_PENDING_FRAMES;
    private int restPort;
    private int historyCapacity = VenueOptions.DEFAULT_HISTORY_CAPACITY;
    private Duration maxConnectionAge = Duration.ofHours(24);
    private FaultPlan faultPlan = FaultPlan.NONE;

    BinanceSimulatorBuilder() {}

    /** Native symbols ({@code BTCUSDT}) with {@link SymbolSpec#defaultsFor} levels; replaces. */
    public BinanceSimulatorBuilder symbols(String... symbols) {
        return symbols(Arrays.asList(Objects.requireNonNull(symbols, "symbols")));
    }

    /** Native symbols with default levels; replaces earlier {@code symbols(..)} calls. */
    public BinanceSimulatorBuilder symbols(Collection<String> symbols) {
        Objects.requireNonNull(symbols, "symbols");
        symbolNames.clear();
        symbols.forEach(s -> symbolNames.add(Objects.requireNonNull(s, "symbol")));
        return this;
    }

    /** Adds one symbol with explicit start price, tick and lot size. */
    public BinanceSimulatorBuilder symbol(SymbolSpec spec) {
        symbolSpecs.add(Objects.requireNonNull(spec, "spec"));
        return this;
    }

    public BinanceSimulatorBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Mean trades per second of event time, per symbol (default 10). */
    public BinanceSimulatorBuilder tradesPerSecond(double tradesPerSecond) {
        this.tradesPerSecond = tradesPerSecond;
        return this;
    }

    /** Event seconds per wall second (default 1; 60 gives a minute of trades per second). */
    public BinanceSimulatorBuilder speed(double speed) {
        this.speed = speed;
        return this;
    }

    /** Event time of the market open (default: now truncated to the minute, at market start). */
    public BinanceSimulatorBuilder startTimeMillis(long startTimeMillis) {
        this.startTimeMillis = startTimeMillis;
        return this;
    }

    /** Stop generating after this much event time (default: run until closed). */
    public BinanceSimulatorBuilder eventDuration(Duration eventDuration) {
        this.eventDuration = Objects.requireNonNull(eventDuration, "eventDuration");
        return this;
    }

    /** First trade id of every symbol (default: drawn per symbol from the seed). */
    public BinanceSimulatorBuilder tradeIdBase(long tradeIdBase) {
        this.tradeIdBase = tradeIdBase;
        return this;
    }

    /** TCP port on 127.0.0.1 (default 0: a free port, see {@link BinanceSimulator#port()}). */
    public BinanceSimulatorBuilder port(int port) {
        this.port = port;
        return this;
    }

    /** Server ping period (default 20 s, as Binance). */
    public BinanceSimulatorBuilder pingInterval(Duration pingInterval) {
        this.pingInterval = Objects.requireNonNull(pingInterval, "pingInterval");
        return this;
    }

    /** Unanswered-ping age at which a client is dropped (default 60 s, as Binance). */
    public BinanceSimulatorBuilder pongTimeout(Duration pongTimeout) {
        this.pongTimeout = Objects.requireNonNull(pongTimeout, "pongTimeout");
        return this;
    }

    /** Start the market on the first subscription (default true) rather than at start(). */
    public BinanceSimulatorBuilder startOnFirstSubscription(boolean startOnFirstSubscription) {
        this.startOnFirstSubscription = startOnFirstSubscription;
        return this;
    }

    /**
     * Replay a capture instead of generating a market; replay starts on the first subscription.
     *
     * @param speedFactor recorded seconds per wall second (pace from the payloads' {@code E}), or
     *     {@link BinanceSimulator#REPLAY_FULL_SPEED}
     */
    public BinanceSimulatorBuilder replay(Path file, double speedFactor) {
        this.replayFile = Objects.requireNonNull(file, "file");
        this.replaySpeed = speedFactor;
        return this;
    }

    /** How many published trades to keep for {@code publishedTrades()} (default 250,000). */
    public BinanceSimulatorBuilder recordCapacity(int recordCapacity) {
        this.recordCapacity = recordCapacity;
        return this;
    }

    /** Unsent frames per client before it is dropped as too slow (default 100,000). */
    public BinanceSimulatorBuilder maxPendingFrames(int maxPendingFrames) {
        this.maxPendingFrames = maxPendingFrames;
        return this;
    }

    /**
     * REST port on 127.0.0.1 (default 0: a free port, see {@link BinanceSimulator#restBaseUri()}).
     */
    public BinanceSimulatorBuilder restPort(int restPort) {
        this.restPort = restPort;
        return this;
    }

    /**
     * Trades per symbol the REST API keeps (default 100,000); older trade ids are simply absent, as
     * past a venue's retention.
     */
    public BinanceSimulatorBuilder historyCapacity(int historyCapacity) {
        this.historyCapacity = historyCapacity;
        return this;
    }

    /** Connections are closed at this age, as Binance does at 24 h (the default). */
    public BinanceSimulatorBuilder maxConnectionAge(Duration maxConnectionAge) {
        this.maxConnectionAge = Objects.requireNonNull(maxConnectionAge, "maxConnectionAge");
        return this;
    }

    /** Faults the venue injects by itself (default none); {@code faults()} adds more on demand. */
    public BinanceSimulatorBuilder faultPlan(FaultPlan faultPlan) {
        this.faultPlan = Objects.requireNonNull(faultPlan, "faultPlan");
        return this;
    }

    public BinanceSimulator build() {
        return new BinanceSimulator(sanityCheck());
    }

    SimulatorConfig sanityCheck() {
        if (recordCapacity < 0) {
            throw new IllegalArgumentException(
                    "recordCapacity must be >= 0, was " + recordCapacity);
        }
        BinanceServerOptions server =
                new BinanceServerOptions(port, pingInterval, pongTimeout, maxPendingFrames);
        if (replayFile != null) {
            return config(Optional.empty(), Optional.of(replaySource()), server, true);
        }
        return config(
                Optional.of(marketConfig()), Optional.empty(), server, startOnFirstSubscription);
    }

    private SimulatorConfig config(
            Optional<MarketConfig> market,
            Optional<MarketSimulatorConfig.ReplaySource> replay,
            BinanceServerOptions server,
            boolean startOnFirst) {
        if (maxConnectionAge.isNegative() || maxConnectionAge.isZero()) {
            throw new IllegalArgumentException(
                    "maxConnectionAge must be > 0, was " + maxConnectionAge);
        }
        SimulatorConfig config =
                new SimulatorConfig(
                        market,
                        replay,
                        server,
                        startOnFirst,
                        recordCapacity,
                        restPort,
                        historyCapacity,
                        Optional.of(maxConnectionAge),
                        faultPlan,
                        tradeIdBase == null ? OptionalLong.empty() : OptionalLong.of(tradeIdBase));
        config.venueOptions(); // validates ports and capacities
        return config;
    }

    private MarketSimulatorConfig.ReplaySource replaySource() {
        if (!symbolNames.isEmpty()
                || !symbolSpecs.isEmpty()
                || eventDuration != null
                || startTimeMillis != null
                || tradeIdBase != null) {
            throw new IllegalArgumentException(
                    "replay(..) cannot be combined with symbols, eventDuration, startTimeMillis or"
                            + " tradeIdBase: the capture brings its own");
        }
        if (!Files.isRegularFile(replayFile) || !Files.isReadable(replayFile)) {
            throw new IllegalArgumentException(
                    "replay file does not exist or is not readable: " + replayFile);
        }
        if (!(replaySpeed > 0.0)) {
            throw new IllegalArgumentException(
                    "replay speed must be > 0 or REPLAY_FULL_SPEED, was " + replaySpeed);
        }
        return new MarketSimulatorConfig.ReplaySource(replayFile, replaySpeed);
    }

    private MarketConfig marketConfig() {
        List<SymbolSpec> specs = new ArrayList<>();
        symbolNames.forEach(name -> specs.add(SymbolSpec.defaultsFor(name)));
        specs.addAll(symbolSpecs);
        if (specs.isEmpty()) {
            throw new IllegalArgumentException(
                    "symbols is required but not provided (or use replay(..))");
        }
        long distinct = specs.stream().map(SymbolSpec::symbol).distinct().count();
        if (distinct != specs.size()) {
            throw new IllegalArgumentException(
                    "symbols must be distinct, got "
                            + specs.stream().map(SymbolSpec::symbol).toList());
        }
        if (tradeIdBase != null && tradeIdBase < 0) {
            throw new IllegalArgumentException("tradeIdBase must be >= 0, was " + tradeIdBase);
        }
        return new MarketConfig(
                specs.stream().map(InstrumentSpec::of).toList(),
                seed,
                tradesPerSecond,
                speed,
                startTimeMillis == null ? OptionalLong.empty() : OptionalLong.of(startTimeMillis),
                Optional.ofNullable(eventDuration));
    }
}
