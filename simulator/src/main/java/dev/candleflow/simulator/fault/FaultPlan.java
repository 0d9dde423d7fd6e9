package dev.candleflow.simulator.fault;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Faults a venue injects by itself, on a wall-clock schedule that starts when the market opens, or
 * at a per-trade rate. The same plan means the same thing on every venue protocol; {@link Faults}
 * offers each one on demand too.
 *
 * <pre>{@code
 * FaultPlan plan = FaultPlan.builder()
 *         .dropEvery(Duration.ofSeconds(5))
 *         .stallEvery(Duration.ofSeconds(7), Duration.ofSeconds(2))
 *         .withholdEvery(Duration.ofSeconds(3), 20)
 *         .garbageRate(0.01).duplicateRate(0.01).reorderRate(0.01)
 *         .build();
 * }</pre>
 *
 * @param dropEvery cut every connection this often
 * @param stallEvery start a stall this often ...
 * @param stallFor ... lasting this long
 * @param garbageRate chance per trade frame of a junk or truncated-copy frame before it
 * @param truncateRate chance per trade frame that it is cut short (its trade is then lost on the
 *     WebSocket, but stays in the REST history)
 * @param duplicateRate chance per trade frame that it is sent twice
 * @param reorderRate chance per trade that it is held back behind later trades of its symbol
 * @param reorderWindow at most this many later trades overtake a held one
 * @param withholdEvery start a withheld run this often ...
 * @param withholdTrades ... of this many trades, which only the REST API then has
 * @param refuseSubscriptionRate chance per subscribe request that it gets the venue's error
 * @param pingPolicy how client pings are answered
 * @param forceDisconnectEvery close every connection as the venue's maintenance would, this often
 * @param noticeLead time between a venue's reconnect notice and the close
 * @param seed seed of the per-trade and per-request draws
 */
public record FaultPlan(
        Optional<Duration> dropEvery,
        Optional<Duration> stallEvery,
        Duration stallFor,
        double garbageRate,
        double truncateRate,
        double duplicateRate,
        double reorderRate,
        int reorderWindow,
        Optional<Duration> withholdEvery,
        int withholdTrades,
        double refuseSubscriptionRate,
        PingPolicy pingPolicy,
        Optional<Duration> forceDisconnectEvery,
        Duration noticeLead,
        long seed) {

    /** No faults at all. */
    public static final FaultPlan NONE = builder().build();

    public FaultPlan {
        Objects.requireNonNull(dropEvery, "dropEvery");
        Objects.requireNonNull(stallEvery, "stallEvery");
        Objects.requireNonNull(stallFor, "stallFor");
        Objects.requireNonNull(withholdEvery, "withholdEvery");
        Objects.requireNonNull(pingPolicy, "pingPolicy");
        Objects.requireNonNull(forceDisconnectEvery, "forceDisconnectEvery");
        Objects.requireNonNull(noticeLead, "noticeLead");
        checkRate("garbageRate", garbageRate);
        checkRate("truncateRate", truncateRate);
        checkRate("duplicateRate", duplicateRate);
        checkRate("reorderRate", reorderRate);
        checkRate("refuseSubscriptionRate", refuseSubscriptionRate);
        if (reorderWindow < 1) {
            throw new IllegalArgumentException("reorderWindow must be >= 1, was " + reorderWindow);
        }
        if (withholdTrades < 0) {
            throw new IllegalArgumentException(
                    "withholdTrades must be >= 0, was " + withholdTrades);
        }
        if (noticeLead.isNegative() || stallFor.isNegative()) {
            throw new IllegalArgumentException("noticeLead and stallFor must be >= 0");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void checkRate(String name, double rate) {
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], was " + rate);
        }
    }

    private static Duration positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be > 0, was " + d);
        }
        return d;
    }

    /** Fluent builder; every setting defaults to "never". */
    public static final class Builder {
        private Duration dropEvery;
        private Duration stallEvery;
        private Duration stallFor = Duration.ZERO;
        private double garbageRate;
        private double truncateRate;
        private double duplicateRate;
        private double reorderRate;
        private int reorderWindow = 3;
        private Duration withholdEvery;
        private int withholdTrades;
        private double refuseSubscriptionRate;
        private PingPolicy pingPolicy = PingPolicy.NORMAL;
        private Duration forceDisconnectEvery;
        private Duration noticeLead = Duration.ofMillis(500);
        private long seed = 1L;

        Builder() {}

        public Builder dropEvery(Duration period) {
            this.dropEvery = positive("dropEvery", period);
            return this;
        }

        public Builder stallEvery(Duration period, Duration stall) {
            this.stallEvery = positive("stallEvery", period);
            this.stallFor = positive("stall", stall);
            return this;
        }

        public Builder garbageRate(double rate) {
            this.garbageRate = rate;
            return this;
        }

        public Builder truncateRate(double rate) {
            this.truncateRate = rate;
            return this;
        }

        public Builder duplicateRate(double rate) {
            this.duplicateRate = rate;
            return this;
        }

        public Builder reorderRate(double rate) {
            this.reorderRate = rate;
            return this;
        }

        public Builder reorderWindow(int trades) {
            this.reorderWindow = trades;
            return this;
        }

        public Builder withholdEvery(Duration period, int trades) {
            this.withholdEvery = positive("withholdEvery", period);
            this.withholdTrades = trades;
            return this;
        }

        public Builder refuseSubscriptionRate(double rate) {
            this.refuseSubscriptionRate = rate;
            return this;
        }

        public Builder pingPolicy(PingPolicy policy) {
            this.pingPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        public Builder answerPingsLate(Duration delay) {
            return pingPolicy(PingPolicy.late(delay));
        }

        public Builder ignorePings() {
            return pingPolicy(PingPolicy.IGNORE);
        }

        public Builder forceDisconnectEvery(Duration period) {
            this.forceDisconnectEvery = positive("forceDisconnectEvery", period);
            return this;
        }

        public Builder noticeLead(Duration lead) {
            this.noticeLead = Objects.requireNonNull(lead, "lead");
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public FaultPlan build() {
            return new FaultPlan(
                    Optional.ofNullable(dropEvery),
                    Optional.ofNullable(stallEvery),
                    stallFor,
                    garbageRate,
                    truncateRate,
                    duplicateRate,
                    reorderRate,
                    reorderWindow,
                    Optional.ofNullable(withholdEvery),
                    withholdTrades,
                    refuseSubscriptionRate,
                    pingPolicy,
                    Optional.ofNullable(forceDisconnectEvery),
                    noticeLead,
                    seed);
        }
    }
}
