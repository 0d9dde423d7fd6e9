package dev.candleflow.simulator.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fault injection on one venue, the same for every venue protocol: on demand through these methods,
 * and on the {@link FaultPlan}'s schedule once the market opens. Every fault that happens is
 * counted in {@link #stats()}.
 *
 * <pre>{@code
 * Faults faults = simulator.faults();
 * faults.withhold(20);                 // the next 20 trades reach only the REST API
 * faults.stall(Duration.ofSeconds(3)); // the socket stays open, nothing is sent
 * faults.dropAllConnections();         // abnormal close (1006) for every client
 * assertThat(faults.stats().withheldTrades()).isEqualTo(20);
 * }</pre>
 */
public final class Faults {

    private static final Logger LOG = LoggerFactory.getLogger(Faults.class);

    private final String venue;
    private final ConnectionControl connections;
    private final FaultPlan plan;
    private final FaultCounters counters;
    private final StallGate stall = new StallGate();
    private final WireFaults wire;
    private final AtomicInteger refuseNext = new AtomicInteger();
    private final SplittableRandom refuseRandom; // guarded by itself
    private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();
    private volatile PingPolicy pingPolicy;

    /**
     * @param venue venue name, for logs
     * @param counters where the venue counts what happened
     */
    public Faults(
            String venue, ConnectionControl connections, FaultPlan plan, FaultCounters counters) {
        this.venue = Objects.requireNonNull(venue, "venue");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.wire = new WireFaults(plan, counters);
        this.refuseRandom = new SplittableRandom(plan.seed() ^ 0x5DEECE66DL);
        this.pingPolicy = plan.pingPolicy();
    }

    // ---- on demand ----

    /**
     * Cuts every client connection as a network failure would: the TCP connection closes without a
     * WebSocket close frame, so clients see an abnormal close (1006). The market keeps trading.
     */
    public void dropAllConnections() {
        int cut = connections.dropAllConnections();
        counters.add(FaultCounters.Kind.DROP_EVENT);
        LOG.info("Fault on {}: dropped {} connection(s)", venue, cut);
    }

    /** Sends {@code frame} verbatim as a text frame to every open connection. */
    public void sendGarbage(String frame) {
        Objects.requireNonNull(frame, "frame");
        LOG.info(
                "Fault on {}: raw frame of {} chars to {} connection(s)",
                venue,
                frame.length(),
                connections.connectionCount());
        connections.broadcastRaw(frame);
        counters.add(FaultCounters.Kind.GARBAGE_FRAME, connections.connectionCount());
    }

    /** Sends nothing at all for {@code duration}, keeping every connection open. */
    public void stall(Duration duration) {
        stall.stall(Objects.requireNonNull(duration, "duration"));
        counters.add(FaultCounters.Kind.STALL);
        LOG.info("Fault on {}: stalled for {}", venue, duration);
    }

    /** Ends a stall early. */
    public void resume() {
        stall.resume();
    }

    /** The next {@code trades} trades are published (and served over REST) but never sent. */
    public void withhold(int trades) {
        checkCount(trades);
        wire.withhold(trades);
        LOG.info("Fault on {}: withholding the next {} trades from the WebSocket", venue, trades);
    }

    /** The frames of the next {@code trades} delivered trades are sent twice. */
    public void duplicateNext(int trades) {
        checkCount(trades);
        wire.duplicateNext(trades);
    }

    /** The frames of the next {@code trades} delivered trades are cut short. */
    public void truncateNext(int trades) {
        checkCount(trades);
        wire.truncateNext(trades);
    }

    /** Each of the next {@code trades} trades is held back behind later trades of its symbol. */
    public void reorderNext(int trades) {
        checkCount(trades);
        wire.reorderNext(trades);
    }

    /** The next {@code requests} subscribe requests get the venue's error reply. */
    public void refuseNextSubscriptions(int requests) {
        checkCount(requests);
        refuseNext.addAndGet(requests);
    }

    public void answerPingsLate(Duration delay) {
        pingPolicy = PingPolicy.late(delay);
    }

    public void stopAnsweringPings() {
        pingPolicy = PingPolicy.IGNORE;
    }

    public void answerPingsNormally() {
        pingPolicy = PingPolicy.NORMAL;
    }

    /** Sends the venue's reconnect notice now and closes every connection after the plan's lead. */
    public void forceDisconnect() {
        forceDisconnect(plan.noticeLead());
    }

    /** Sends the venue's reconnect notice now and closes every connection after {@code lead}. */
    public void forceDisconnect(Duration lead) {
        int closing = connections.forceDisconnect(Objects.requireNonNull(lead, "lead"));
        LOG.info("Fault on {}: forced disconnect of {} connection(s)", venue, closing);
    }

    public FaultStats stats() {
        return counters.snapshot();
    }

    public FaultPlan plan() {
        return plan;
    }

    // ---- used by the venue ----

    /** Consumes one refusal, if any is due, for a subscribe request. */
    public boolean refuseSubscription() {
        boolean refuse = refuseNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
        if (!refuse && plan.refuseSubscriptionRate() > 0.0) {
            synchronized (refuseRandom) {
                refuse = refuseRandom.nextDouble() < plan.refuseSubscriptionRate();
            }
        }
        if (refuse) {
            counters.add(FaultCounters.Kind.REFUSED_SUBSCRIPTION);
        }
        return refuse;
    }

    public PingPolicy pingPolicy() {
        return pingPolicy;
    }

    public StallGate stallGate() {
        return stall;
    }

    public WireFaults wire() {
        return wire;
    }

    public FaultCounters counters() {
        return counters;
    }

    /** Starts the plan's periodic faults on {@code scheduler}. */
    public synchronized void startSchedule(ScheduledExecutorService scheduler) {
        plan.dropEvery().ifPresent(p -> every(scheduler, p, this::dropAllConnections));
        plan.stallEvery().ifPresent(p -> every(scheduler, p, () -> stall(plan.stallFor())));
        plan.withholdEvery()
                .ifPresent(p -> every(scheduler, p, () -> withhold(plan.withholdTrades())));
        plan.forceDisconnectEvery().ifPresent(p -> every(scheduler, p, this::forceDisconnect));
    }

    /** Cancels the periodic faults. */
    public synchronized void stopSchedule() {
        scheduled.forEach(f -> f.cancel(false));
        scheduled.clear();
    }

    private void every(ScheduledExecutorService scheduler, Duration period, Runnable fault) {
        long millis = Math.max(1L, period.toMillis());
        Runnable safe =
                () -> {
                    try {
                        fault.run();
                    } catch (RuntimeException e) {
                        // An escaping exception would cancel the schedule for good.
                        LOG.warn("Scheduled fault on {} failed", venue, e);
                    }
                };
        scheduled.add(scheduler.scheduleAtFixedRate(safe, millis, millis, TimeUnit.MILLISECONDS));
    }

    private static void checkCount(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("count must be >= 0, was " + n);
        }
    }
}
