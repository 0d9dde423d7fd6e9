package dev.candleflow.source.transport;

import static dev.candleflow.source.testutils.TestTrades.BTC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.model.FeedHealth;
import dev.candleflow.protocol.SequencePolicy;
import dev.candleflow.source.testutils.Await;
import dev.candleflow.source.testutils.FakeTransport;
import dev.candleflow.source.testutils.FakeTransport.FakeConnection;
import dev.candleflow.source.testutils.TestAdapter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reconnects, make-before-break renewals, rate limits and liveness, with a fake transport. */
class ConnectionSupervisorTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final FakeTransport transport = new FakeTransport(false);
    private final Sink sink = new Sink();
    private final Events events = new Events();
    private final List<ConnectionSupervisor> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(ConnectionSupervisor::stop);
        scheduler.shutdownNow();
    }

    private ConnectionSupervisor supervisor(
            ReconnectPolicy policy, TokenBucket rate, Duration idleTimeout) {
        ConnectionSupervisor s =
                new ConnectionSupervisor(
                        "binance-0",
                        new TestAdapter(SequencePolicy.STRICT_INCREMENT, 1000, idleTimeout),
                        List.of(BTC),
                        transport,
                        scheduler,
                        sink,
                        events,
                        policy,
                        rate);
        started.add(s);
        s.start();
        return s;
    }

    private static ReconnectPolicy policy(int maxAttempts, Duration maxAge) {
        return new ReconnectPolicy(
                Duration.ofMillis(20),
                Duration.ofMillis(50),
                Duration.ofSeconds(30),
                maxAttempts,
                maxAge,
                Duration.ofMillis(100));
    }

    private ConnectionSupervisor openOne(ReconnectPolicy policy) {
        ConnectionSupervisor s =
                supervisor(policy, new TokenBucket(100, 10), Duration.ofMinutes(1));
        Await.until("a connection", WAIT, () -> transport.connections().size() == 1);
        transport.last().open();
        Await.until("open", WAIT, () -> s.state() == FeedHealth.State.OPEN);
        return s;
    }

    @Test
    void aVenueNoticeOpensTheNewConnectionBeforeClosingTheOld() {
        ConnectionSupervisor s = openOne(policy(5, Duration.ofHours(24)));
        FakeConnection old = transport.last();
        assertThat(old.sent).containsExactly("subscribe [BTC-USDT]");

        s.renew("venue notice: serverShutdown");
        Await.until("a second connection", WAIT, () -> transport.connections().size() == 2);
        FakeConnection fresh = transport.last();
        old.frame("before the swap");
        assertThat(old.ended()).as("the old one stays open until the new one is").isFalse();

        fresh.open();
        Await.until("the renewal", WAIT, () -> events.renewed.get() == 1);
        old.frame("in the overlap");
        fresh.frame("on the new one");
        Await.until("the old one closed", WAIT, old::closedByClient);

        assertThat(fresh.sent).containsExactly("subscribe [BTC-USDT]");
        assertThat(sink.frames).contains("before the swap", "in the overlap", "on the new one");
        assertThat(events.connectedAfterOutage.get()).as("no outage, no backfill").isEqualTo(1);
        assertThat(events.reconnects.get()).isZero();
        assertThat(s.state()).isEqualTo(FeedHealth.State.OPEN);
    }

    @Test
    void aFailedRenewalKeepsTheOldConnectionAndTriesAgain() {
        ConnectionSupervisor s = openOne(policy(5, Duration.ofHours(24)));
        FakeConnection old = transport.last();
        s.renew("notice");
        Await.until("a second connection", WAIT, () -> transport.connections().size() == 2);
        transport.last().drop();
        Await.until("another try", WAIT, () -> transport.connections().size() == 3);
        assertThat(old.ended()).isFalse();
        transport.last().open();
        Await.until("the renewal", WAIT, () -> events.renewed.get() == 1);
        Await.until("the old one closed", WAIT, old::closedByClient);
        assertThat(events.reconnects.get()).isZero();
    }

    @Test
    void renewsBeforeTheMaximumAge() {
        openOne(policy(5, Duration.ofMillis(300)));
        FakeConnection first = transport.last();
        Await.until(
                "a renewal at 90-95% of the age", WAIT, () -> transport.connections().size() == 2);
        transport.last().open();
        Await.until("the old one closed", WAIT, first::closedByClient);
        assertThat(events.renewed.get()).isEqualTo(1);
    }

    @Test
    void whenTheOldOneDiesDuringARenewalTheNewOneCountsAsAReconnect() {
        ConnectionSupervisor s = openOne(policy(5, Duration.ofHours(24)));
        s.renew("notice");
        Await.until("a second connection", WAIT, () -> transport.connections().size() == 2);
        transport.connections().get(0).drop();
        Await.until("connecting", WAIT, () -> s.state() == FeedHealth.State.CONNECTING);
        transport.last().open();
        Await.until(
                "connected after the outage", WAIT, () -> events.connectedAfterOutage.get() == 2);
        assertThat(transport.connections()).hasSize(2);
    }

    @Test
    void aFullBufferDropsTheConnectionAndTheReconnectAsksForABackfill() {
        openOne(policy(5, Duration.ofHours(24)));
        FakeConnection first = transport.last();
        sink.accept.set(false);
        first.frame("refused");
        first.frame("not even offered");
        Await.until("the abort", WAIT, first::abortedByClient);
        sink.accept.set(true);
        Await.until("a reconnect", WAIT, () -> transport.connections().size() == 2);
        transport.last().open();
        Await.until("connected again", WAIT, () -> events.connectedAfterOutage.get() == 2);
        assertThat(events.overflows.get()).isEqualTo(1);
        assertThat(events.reconnects.get()).isEqualTo(1);
        assertThat(sink.offers.get()).isEqualTo(1);
    }

    @Test
    void aReconnectStormStaysWithinTheVenueConnectionRate() {
        TokenBucket shared = new TokenBucket(10, 1); // one connection per 100 ms for the venue
        for (int i = 0; i < 6; i++) {
            ConnectionSupervisor s =
                    new ConnectionSupervisor(
                            "binance-" + i,
                            new TestAdapter(
                                    SequencePolicy.STRICT_INCREMENT, 0, Duration.ofMinutes(1)),
                            List.of(BTC),
                            transport,
                            scheduler,
                            sink,
                            events,
                            policy(5, Duration.ofHours(24)),
                            shared);
            started.add(s);
            s.start();
        }
        List<Long> opened = transport.openNanos;
        Await.until("all six", WAIT, () -> opened.size() == 6);
        long spanMillis = (opened.get(5) - opened.get(0)) / 1_000_000;
        assertThat(spanMillis).as("5 intervals of 100 ms").isGreaterThanOrEqualTo(450);
    }

    @Test
    void failsTheTaskAfterTooManyFailedReconnects() {
        supervisor(
                policy(2, Duration.ofHours(24)), new TokenBucket(100, 10), Duration.ofMinutes(1));
        for (int i = 1; i <= 3; i++) {
            int n = i;
            Await.until("attempt " + n, WAIT, () -> transport.connections().size() == n);
            transport.last().drop();
        }
        Await.until("the failure", WAIT, () -> sink.failure.get() != null);
        assertThat(sink.failure.get()).hasMessageContaining("gave up after 2 failed reconnects");
        assertThat(events.reconnects.get()).isEqualTo(2);
    }

    @Test
    void aSilentConnectionIsDroppedButPingsKeepItAlive() throws InterruptedException {
        ConnectionSupervisor s =
                supervisor(
                        policy(5, Duration.ofHours(24)),
                        new TokenBucket(100, 10),
                        Duration.ofMillis(700));
        Await.until("a connection", WAIT, () -> transport.connections().size() == 1);
        FakeConnection c = transport.last();
        c.open();
        for (int i = 0; i < 8; i++) {
            Thread.sleep(150);
            c.ping();
        }
        assertThat(c.abortedByClient()).as("venue pings are signs of life").isFalse();
        assertThat(events.heartbeats.get()).isEqualTo(8);
        Await.until("the idle abort", WAIT, c::abortedByClient);
        assertThat(events.idleTimeouts.get()).isEqualTo(1);
        Await.until("a reconnect", WAIT, () -> transport.connections().size() == 2);
        assertThat(s.state()).isEqualTo(FeedHealth.State.CONNECTING);
    }

    /** Takes frames while {@link #accept} is set. */
    private static final class Sink implements FrameSink {
        final List<String> frames = new CopyOnWriteArrayList<>();
        final AtomicBoolean accept = new AtomicBoolean(true);
        final AtomicInteger offers = new AtomicInteger();
        final AtomicReference<Exception> failure = new AtomicReference<>();

        @Override
        public boolean offer(String splitId, String text, long receivedAtMicros) {
            offers.incrementAndGet();
            if (accept.get()) {
                frames.add(text);
                return true;
            }
            return false;
        }

        @Override
        public void failed(String splitId, Exception cause) {
            failure.set(cause);
        }
    }

    private static final class Events implements ConnectionEvents {
        final AtomicInteger connectedAfterOutage = new AtomicInteger();
        final AtomicInteger reconnects = new AtomicInteger();
        final AtomicInteger renewed = new AtomicInteger();
        final AtomicInteger idleTimeouts = new AtomicInteger();
        final AtomicInteger overflows = new AtomicInteger();
        final AtomicInteger heartbeats = new AtomicInteger();

        @Override
        public void connected(String splitId, boolean afterOutage) {
            if (afterOutage) {
                connectedAfterOutage.incrementAndGet();
            }
        }

        @Override
        public void reconnectScheduled(String splitId, long delayMillis, int attempt) {
            reconnects.incrementAndGet();
        }

        @Override
        public void renewed(String splitId, String why) {
            renewed.incrementAndGet();
        }

        @Override
        public void idleTimeout(String splitId) {
            idleTimeouts.incrementAndGet();
        }

        @Override
        public void overflow(String splitId) {
            overflows.incrementAndGet();
        }

        @Override
        public void heartbeat(String splitId) {
            heartbeats.incrementAndGet();
        }
    }
}
