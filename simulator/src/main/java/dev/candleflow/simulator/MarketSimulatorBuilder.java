package dev.candleflow.simulator;

import dev.candleflow.simulator.fault.FaultPlan;
import dev.candleflow.simulator.market.Instrument;
import dev.candleflow.simulator.market.InstrumentSpec;
import dev.candleflow.simulator.market.MarketConfig;
import dev.candleflow.simulator.venue.VenueId;
import dev.candleflow.simulator.venue.VenueOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Builder of {@link MarketSimulator}; {@link #build()} validates everything and fails fast with a
 * message naming the bad setting. By default: every venue, {@code BTC-USDT} and {@code ETH-USDT},
 * seed 42, 10 trades per second per venue and instrument, real time, free ports, no faults.
 */
public final class MarketSimulatorBuilder {

    public static final long DEFAULT_SEED = 42L;
    static final List<String> DEFAULT_INSTRUMENTS = List.of("BTC-USDT", "ETH-USDT");

    private final List<VenueId> venues = new ArrayList<>(List.of(VenueId.values()));
    private final List<InstrumentSpec> instruments = new ArrayList<>();
    private final Map<VenueId, Double> basis = new EnumMap<>(VenueId.class);
    private final Map<VenueId, FaultPlan> faultPlans = new EnumMap<>(VenueId.class);
    private final Map<VenueId, Integer> wsPorts = new EnumMap<>(VenueId.class);
    private final Map<VenueId, Integer> restPorts = new EnumMap<>(VenueId.class);
    private final Map<VenueId, Duration> maxConnectionAge = new EnumMap<>(VenueId.class);
    private FaultPlan defaultPlan = FaultPlan.NONE;
    private long seed = DEFAULT_SEED;
    private double tradesPerSecond = 10.0;
    private double speed = 1.0;
    private Long startTimeMillis;
    private Duration eventDuration;
    private Long tradeIdBase;
    private boolean startOnFirstSubscription = true;
    private int historyCapacity = VenueOptions.DEFAULT_HISTORY_CAPACITY;
    private int recordCapacity = VenueOptions.DEFAULT_RECORD_CAPACITY;
    private int maxPendingFrames = VenueOptions.DEFAULT_MAX_PENDING_FRAMES;
    private ProtocolSettings protocols = ProtocolSettings.DEFAULTS;
    private Path replayFile;
    private double replaySpeed = 1.0;

    MarketSimulatorBuilder() {}

    /** The venues to simulate, each on its own ports; replaces the default of all. */
    public MarketSimulatorBuilder venues(VenueId... venues) {
        return venues(Arrays.asList(Objects.requireNonNull(venues, "venues")));
    }

    public MarketSimulatorBuilder venues(List<VenueId> venues) {
        this.venues.clear();
        venues.forEach(v -> this.venues.add(Objects.requireNonNull(v, "venue")));
        return this;
    }

    /**
     * Canonical instruments ({@code BTC-USDT}) with default levels; adds to {@link #instrument}.
     */
    public MarketSimulatorBuilder instruments(String... canonical) {
        for (String c : Objects.requireNonNull(canonical, "canonical")) {
            instruments.add(InstrumentSpec.defaultsFor(Instrument.parse(c)));
        }
        return this;
    }

    /** One instrument with explicit start price, tick and lot. */
    public MarketSimulatorBuilder instrument(InstrumentSpec spec) {
        instruments.add(Objects.requireNonNull(spec, "spec"));
        return this;
    }

    public MarketSimulatorBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Mean trades per second of event time, per venue and instrument (default 10). */
    public MarketSimulatorBuilder tradesPerSecond(double tradesPerSecond) {
        this.tradesPerSecond = tradesPerSecond;
        return this;
    }

    /** Event seconds per wall second (default 1). */
    public MarketSimulatorBuilder speed(double speed) {
        this.speed = speed;
        return this;
    }

    /** Event time of the open (default: now truncated to the minute, at market start). */
    public MarketSimulatorBuilder startTimeMillis(long startTimeMillis) {
        this.startTimeMillis = startTimeMillis;
        return this;
    }

    /** Stop after this much event time (default: run until closed). */
    public MarketSimulatorBuilder eventDuration(Duration eventDuration) {
        this.eventDuration = Objects.requireNonNull(eventDuration, "eventDuration");
        return this;
    }

    /** First trade id of every symbol on every venue (default: drawn per venue and symbol). */
    public MarketSimulatorBuilder tradeIdBase(long tradeIdBase) {
        this.tradeIdBase = tradeIdBase;
        return this;
    }

    /** A venue's relative price offset from the underlying (0.0002 = +2 bp). */
    public MarketSimulatorBuilder basis(VenueId venue, double basis) {
        if (!(Math.abs(basis) < 0.5)) {
            throw new IllegalArgumentException("basis must be in (-0.5, 0.5), was " + basis);
        }
        this.basis.put(Objects.requireNonNull(venue, "venue"), basis);
        return this;
    }

    /** Scheduled faults for every venue without a plan of its own. */
    public MarketSimulatorBuilder faultPlan(FaultPlan plan) {
        this.defaultPlan = Objects.requireNonNull(plan, "plan");
        return this;
    }

    public MarketSimulatorBuilder faultPlan(VenueId venue, FaultPlan plan) {
        faultPlans.put(
                Objects.requireNonNull(venue, "venue"), Objects.requireNonNull(plan, "plan"));
        return this;
    }

    /** A fixed WebSocket port for {@code venue} (default 0: a free one). */
    public MarketSimulatorBuilder port(VenueId venue, int port) {
        wsPorts.put(Objects.requireNonNull(venue, "venue"), port);
        return this;
    }

    /** A fixed REST port for {@code venue} (default 0: a free one). */
    public MarketSimulatorBuilder restPort(VenueId venue, int port) {
        restPorts.put(Objects.requireNonNull(venue, "venue"), port);
        return this;
    }

    /** Close {@code venue}'s connections at this age (default: 24 h on Binance, else never). */
    public MarketSimulatorBuilder maxConnectionAge(VenueId venue, Duration age) {
        if (age.isNegative() || age.isZero()) {
            throw new IllegalArgumentException("maxConnectionAge must be > 0, was " + age);
        }
        maxConnectionAge.put(Objects.requireNonNull(venue, "venue"), age);
        return this;
    }

    /** Open the market on the first subscription to any venue (default true). */
    public MarketSimulatorBuilder startOnFirstSubscription(boolean startOnFirstSubscription) {
        this.startOnFirstSubscription = startOnFirstSubscription;
        return this;
    }

    /** Trades per symbol each REST API keeps (default 100,000); older ids are simply absent. */
    public MarketSimulatorBuilder historyCapacity(int historyCapacity) {
        this.historyCapacity = historyCapacity;
        return this;
    }

    /** Trades per venue kept for {@code publishedTrades} (default 250,000). */
    public MarketSimulatorBuilder recordCapacity(int recordCapacity) {
        this.recordCapacity = recordCapacity;
        return this;
    }

    /** Unsent frames per client before it is dropped as too slow (default 100,000). */
    public MarketSimulatorBuilder maxPendingFrames(int maxPendingFrames) {
        this.maxPendingFrames = maxPendingFrames;
        return this;
    }

    /** Protocol timings (heartbeats, pings, idle limits); defaults are the venues' own. */
    public MarketSimulatorBuilder protocolSettings(ProtocolSettings settings) {
        this.protocols = Objects.requireNonNull(settings, "settings");
        return this;
    }

    /** Replay a recorded Binance capture instead of generating a market (Binance only). */
    public MarketSimulatorBuilder replay(Path file, double speedFactor) {
        this.replayFile = Objects.requireNonNull(file, "file");
        this.replaySpeed = speedFactor;
        return this;
    }

    public MarketSimulator build() {
        return new MarketSimulator(sanityCheck());
    }

    MarketSimulatorConfig sanityCheck() {
        if (new LinkedHashSet<>(venues).size() != venues.size()) {
            throw new IllegalArgumentException("venues must be distinct, got " + venues);
        }
        Map<VenueId, Double> b = new EnumMap<>(VenueId.class);
        Map<VenueId, FaultPlan> plans = new EnumMap<>(VenueId.class);
        Map<VenueId, VenueOptions> options = new EnumMap<>(VenueId.class);
        for (VenueId v : venues) {
            b.put(v, basis.getOrDefault(v, Venues.defaultBasis(v)));
            plans.put(v, faultPlans.getOrDefault(v, defaultPlan));
            options.put(
                    v,
                    new VenueOptions(
                            wsPorts.getOrDefault(v, 0),
                            restPorts.getOrDefault(v, 0),
                            maxPendingFrames,
                            Optional.ofNullable(maxConnectionAge.get(v))
                                    .or(() -> Venues.defaultMaxConnectionAge(v)),
                            historyCapacity,
                            recordCapacity));
        }
        OptionalLong idBase =
                tradeIdBase == null ? OptionalLong.empty() : OptionalLong.of(tradeIdBase);
        if (replayFile != null) {
            return new MarketSimulatorConfig(
                    Optional.empty(),
                    Optional.of(replaySource()),
                    venues,
                    b,
                    plans,
                    options,
                    protocols,
                    idBase,
                    true);
        }
        return new MarketSimulatorConfig(
                Optional.of(market()),
                Optional.empty(),
                venues,
                b,
                plans,
                options,
                protocols,
                idBase,
                startOnFirstSubscription);
    }

    private MarketConfig market() {
        List<InstrumentSpec> specs = new ArrayList<>(instruments);
        if (specs.isEmpty()) {
            DEFAULT_INSTRUMENTS.forEach(
                    i -> specs.add(InstrumentSpec.defaultsFor(Instrument.parse(i))));
        }
        if (tradeIdBase != null && tradeIdBase < 0) {
            throw new IllegalArgumentException("tradeIdBase must be >= 0, was " + tradeIdBase);
        }
        return new MarketConfig(
                specs,
                seed,
                tradesPerSecond,
                speed,
                startTimeMillis == null ? OptionalLong.empty() : OptionalLong.of(startTimeMillis),
                Optional.ofNullable(eventDuration));
    }

    private MarketSimulatorConfig.ReplaySource replaySource() {
        if (!instruments.isEmpty()
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
}
