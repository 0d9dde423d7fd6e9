package dev.candleflow.simulator.venue;

import dev.candleflow.simulator.fault.ConnectionControl;
import dev.candleflow.simulator.fault.FaultCounters;
import dev.candleflow.simulator.fault.FaultPlan;
import dev.candleflow.simulator.fault.Faults;
import dev.candleflow.simulator.fault.WireFaults;
import dev.candleflow.simulator.rest.RestHandler;
import dev.candleflow.simulator.rest.RestServer;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running venue: its WebSocket server, its REST API, its trade history and its faults. The
 * market publishes each trade here; the trade enters the history (and so the REST API) at once, and
 * reaches WebSocket subscribers unless a fault keeps it away.
 */
public final class SimulatedVenue implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedVenue.class);
    private static final Duration BIND_TIMEOUT = Duration.ofSeconds(10);

    private final VenueSpec spec;
    private final TradeHistory history;
    private final PublishedRecord record;
    private final ScheduledExecutorService scheduler;
    private final Faults faults;
    private final VenueServer server;
    private final Optional<RestServer> rest;
    private volatile int wsPort = -1;

    /**
     * @param nowMicros the market's clock, in event time
     * @param onSubscribed runs after any connection subscribes to data
     */
    public SimulatedVenue(
            VenueSpec spec, FaultPlan plan, LongSupplier nowMicros, Runnable onSubscribed) {
        this.spec = spec;
        this.history = new TradeHistory(spec.options().historyCapacity());
        this.record = new PublishedRecord(spec.options().recordCapacity());
        String name = spec.id().id();
        this.scheduler =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, name + "-sim-timer");
                            t.setDaemon(true);
                            return t;
                        });
        VenueContext context = new VenueContext(spec.id(), spec.listing(), history, nowMicros);
        FaultCounters counters = new FaultCounters();
        ConnectionControlProxy control = new ConnectionControlProxy();
        this.faults = new Faults(name, control, plan, counters);
        this.server =
                new VenueServer(
                        spec.protocol().apply(context),
                        spec.options().wsPort(),
                        new ConnectionContext(
                                spec.id(),
                                faults,
                                scheduler,
                                spec.options().maxPendingFrames(),
                                spec.options().maxConnectionAge(),
                                onSubscribed,
                                nowMicros));
        control.target = server;
        Optional<RestHandler> handler = spec.rest().apply(context);
        this.rest = handler.map(h -> new RestServer(name, h));
        rest.ifPresent(r -> counters.restRequestsFrom(r::requestCount));
    }

    /** Binds the WebSocket and REST ports. */
    public void start() throws IOException {
        try {
            if (rest.isPresent()) {
                rest.get().start(spec.options().restPort());
            }
            wsPort = server.startAndAwait(BIND_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IOException("Interrupted while starting " + spec.id(), e);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /**
     * Starts the fault plan's periodic faults; the simulator calls this when the market opens, so
     * that the first faults come one period after the first trades.
     */
    public void startFaultSchedule() {
        faults.startSchedule(scheduler);
    }

    public VenueId id() {
        return spec.id();
    }

    public VenueListing listing() {
        return spec.listing();
    }

    /** The bound WebSocket port; only after {@link #start()}. */
    public int wsPort() {
        int p = wsPort;
        if (p < 0) {
            throw new IllegalStateException(spec.id() + " not started");
        }
        return p;
    }

    /** {@code ws://127.0.0.1:<port>}. */
    public URI wsBaseUri() {
        return URI.create("ws://127.0.0.1:" + wsPort());
    }

    /** {@code http://127.0.0.1:<port>} of the REST API, if the venue has one. */
    public Optional<URI> restBaseUri() {
        return rest.map(RestServer::baseUri);
    }

    public Faults faults() {
        return faults;
    }

    public TradeHistory history() {
        return history;
    }

    /** Snapshot of the published trades in publication order (at most the record capacity). */
    public List<VenueTrade> publishedTrades() {
        return record.snapshot();
    }

    /** All trades published so far, including any evicted from the record. */
    public long publishedTradeCount() {
        return record.total();
    }

    public int connectionCount() {
        return server.connectionCount();
    }

    // ---- called by the simulator's feed thread ----

    /** Publishes {@code trade}: history and record now, WebSocket as the faults allow. */
    public void publish(VenueTrade trade) {
        history.add(trade);
        record.add(trade);
        for (WireFaults.Release r : faults.wire().onTrade(trade)) {
            server.deliver(r.trade(), r.faults());
        }
    }

    /** Records a trade without sending any frame for it (a replayed frame carries it). */
    public void recordOnly(VenueTrade trade) {
        history.add(trade);
        record.add(trade);
    }

    /** Sends a recorded frame to the connections carrying {@code route}. */
    public void deliverRouted(String route, String payload) {
        server.deliverRouted(route, payload);
    }

    /** Sends a recorded frame verbatim to every connection. */
    public void broadcastRaw(String frame) {
        server.broadcastRaw(frame);
    }

    /** Sends every trade still held back by a reorder fault; at the end of a run. */
    public void flush() {
        for (WireFaults.Release r : faults.wire().flush()) {
            server.deliver(r.trade(), r.faults());
        }
    }

    /** Stops the faults, the servers and the timer; idempotent. */
    @Override
    public void close() {
        faults.stopSchedule();
        server.shutdown();
        rest.ifPresent(RestServer::close);
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warn("{} timer did not stop within 2 s; it is a daemon thread", spec.id());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lets {@link Faults} exist before the server it controls. */
    private static final class ConnectionControlProxy implements ConnectionControl {
        private volatile VenueServer target;

        @Override
        public int dropAllConnections() {
            return target.dropAllConnections();
        }

        @Override
        public void broadcastRaw(String frame) {
            target.broadcastRaw(frame);
        }

        @Override
        public int forceDisconnect(Duration noticeLead) {
            return target.forceDisconnect(noticeLead);
        }

        @Override
        public int connectionCount() {
            return target.connectionCount();
        }
    }
}
