package dev.candleflow.source.reader;

import static dev.candleflow.source.testutils.TestTrades.BTC;
import static dev.candleflow.source.testutils.TestTrades.ETH;
import static dev.candleflow.source.testutils.TestTrades.frame;
import static dev.candleflow.source.testutils.TestTrades.trade;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Trade;
import dev.candleflow.model.Venue;
import dev.candleflow.source.FeedEvent;
import dev.candleflow.source.split.ExchangeSplit;
import dev.candleflow.source.testutils.FakeTransport;
import dev.candleflow.source.testutils.FakeTransport.FakeConnection;
import dev.candleflow.source.testutils.HistoricalTradesServer;
import dev.candleflow.source.testutils.HistoricalTradesServer.VenueTrade;
import dev.candleflow.source.testutils.ReaderHarness;
import dev.candleflow.source.testutils.TestAdapter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fetcher path end to end: frames in, backfills over REST, trades and health out. */
class WebSocketSplitReaderTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final List<VenueTrade> venue = new CopyOnWriteArrayList<>();
    private final FakeTransport transport = new FakeTransport(false);
    private HistoricalTradesServer rest;
    private ReaderHarness harness;

    @BeforeEach
    void start() throws Exception {
        rest = new HistoricalTradesServer(() -> venue);
        TestAdapter adapter =
                TestAdapter.binance(URI.create("ws://127.0.0.1:9"), rest.baseUri(), WAIT);
        harness =
                new ReaderHarness(
                        adapter,
                        transport,
                        ReaderHarness.fastSettings(1000, Duration.ofMillis(50)));
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
        rest.close();
    }

    /** The venue trades {@code seq}; the frame is sent only when {@code send}. */
    private void publish(FakeConnection c, InstrumentId i, long seq, boolean send) {
        Trade t = trade(i, seq);
        venue.add(
                new VenueTrade(
                        i.base() + i.quote(),
                        seq,
                        t.price(),
                        t.quantity(),
                        t.eventTimeMillis(),
                        seq % 2 != 0));
        if (send) {
            c.frame(frame(i, seq));
        }
    }

    private List<Long> emitted(InstrumentId i) {
        return harness.out.events.stream()
                .filter(e -> e.isTrade() && e.trade().instrument().equals(i))
                .map(e -> e.trade().sequence())
                .toList();
    }

    private FakeConnection connect(int n) throws Exception {
        harness.pumpUntil("connection " + n, WAIT, () -> transport.connections().size() == n);
        FakeConnection c = transport.last();
        c.open();
        return c;
    }

    @Test
    void fillsDroppedFramesFromRestInOrderAndAfterAReconnect() throws Exception {
        harness.add(new ExchangeSplit("binance-0", Venue.BINANCE, List.of(BTC, ETH), Map.of()));
        FakeConnection c = connect(1);
        for (long s = 1; s <= 20; s++) {
            publish(c, BTC, s, s < 6 || s > 8); // 6..8 never arrive on the socket
        }
        publish(c, ETH, 1, true);
        harness.pumpUntil("BTC 1..20", WAIT, () -> emitted(BTC).size() == 20);
        assertThat(emitted(BTC)).containsExactlyElementsOf(range(1, 20));

        c.drop(); // while down, both instruments trade; nothing more arrives live afterwards
        for (long s = 21; s <= 25; s++) {
            publish(c, BTC, s, false);
        }
        publish(c, ETH, 2, false);
        connect(2);
        harness.pumpUntil(
                "the outage backfilled",
                WAIT,
                () -> emitted(BTC).size() == 25 && emitted(ETH).size() == 2);
        assertThat(emitted(BTC)).containsExactlyElementsOf(range(1, 25));
        assertThat(emitted(ETH)).containsExactly(1L, 2L);

        SplitMetrics m = harness.metrics.split("binance-0", Venue.BINANCE);
        assertThat(m.gaps.getCount())
                .isEqualTo(3); // the drop, and one per instrument after the outage
        assertThat(m.tradesBackfilled.getCount()).isEqualTo(3 + 5 + 1);
        assertThat(m.reconnects.getCount()).isEqualTo(1);
        assertThat(harness.state("binance-0").toSplit().lastSequences())
                .containsEntry(BTC, 25L)
                .containsEntry(ETH, 2L);
    }

    @Test
    void aRestoredSplitBackfillsFromItsCheckpointOnTheFirstConnect() throws Exception {
        FakeConnection none = null;
        for (long s = 1; s <= 30; s++) {
            publish(none, BTC, s, false); // traded while the job was down
        }
        harness.add(new ExchangeSplit("binance-0", Venue.BINANCE, List.of(BTC), Map.of(BTC, 10L)));
        FakeConnection c = connect(1);
        publish(c, BTC, 31, true);
        harness.pumpUntil("11..31", WAIT, () -> emitted(BTC).size() == 21);
        assertThat(emitted(BTC)).containsExactlyElementsOf(range(11, 31));
    }

    @Test
    void aShutdownNoticeRenewsTheConnectionGarbageBecomesDeadLettersAndHealthIsReported()
            throws Exception {
        harness.add(new ExchangeSplit("binance-0", Venue.BINANCE, List.of(BTC), Map.of()));
        FakeConnection c = connect(1);
        publish(c, BTC, 1, true);
        c.frame("{\"stream\":\"!serverShutdown\",\"data\":{\"e\":\"serverShutdown\",\"E\":1}}");
        c.frame("garbage");
        harness.pumpUntil("a second connection", WAIT, () -> transport.connections().size() == 2);
        FakeConnection fresh = transport.last();
        fresh.open();
        publish(c, BTC, 2, true); // the overlap: both connections carry trade 2
        fresh.frame(frame(BTC, 2));
        publish(fresh, BTC, 3, true);
        harness.pumpUntil(
                "1..3 and a health report",
                WAIT,
                () ->
                        emitted(BTC).size() == 3
                                && harness.out.events.stream().anyMatch(FeedEvent::isHealth));
        assertThat(emitted(BTC)).containsExactly(1L, 2L, 3L);
        harness.pumpUntil("the old connection closed", WAIT, c::closedByClient);
        assertThat(c.ended()).isTrue();
        assertThat(harness.out.events.stream().filter(FeedEvent::isDeadLetter))
                .singleElement()
                .satisfies(e -> assertThat(e.deadLetter().reason()).isEqualTo("malformed_json"));
        SplitMetrics m = harness.metrics.split("binance-0", Venue.BINANCE);
        assertThat(m.renewals.getCount()).isEqualTo(1);
        assertThat(m.duplicates.getCount()).isEqualTo(1);
        assertThat(m.reconnects.getCount()).isZero();
        assertThat(
                        harness.out.events.stream()
                                .filter(FeedEvent::isHealth)
                                .findFirst()
                                .get()
                                .health()
                                .splitId())
                .isEqualTo("binance-0");
    }

    @Test
    void aFullQueueDropsTheConnectionAndTheGapIsBackfilled() throws Exception {
        harness.close();
        TestAdapter adapter =
                TestAdapter.binance(URI.create("ws://127.0.0.1:9"), rest.baseUri(), WAIT);
        harness =
                new ReaderHarness(
                        adapter, transport, ReaderHarness.fastSettings(8, Duration.ofMillis(1)));
        harness.add(new ExchangeSplit("binance-0", Venue.BINANCE, List.of(BTC), Map.of()));
        FakeConnection c = connect(1);
        publish(c, BTC, 1, true);
        harness.pumpUntil("the first trade", WAIT, () -> emitted(BTC).size() == 1);
        for (long s = 2; s <= 40; s++) {
            publish(c, BTC, s, true); // nobody fetches: the queue of 8 overflows
        }
        assertThat(c.abortedByClient() || transport.connections().size() >= 1).isTrue();
        connect(2);
        harness.pumpUntil("1..40", WAIT, () -> emitted(BTC).size() == 40);
        assertThat(emitted(BTC)).containsExactlyElementsOf(range(1, 40));
        SplitMetrics m = harness.metrics.split("binance-0", Venue.BINANCE);
        assertThat(m.overflows.getCount()).isEqualTo(1);
        assertThat(m.tradesBackfilled.getCount()).isPositive();
    }

    @Test
    void noFrameIsLostBetweenFetchBatches() throws Exception {
        harness.close();
        TestAdapter adapter =
                TestAdapter.binance(URI.create("ws://127.0.0.1:9"), rest.baseUri(), WAIT);
        harness =
                new ReaderHarness(
                        adapter,
                        transport,
                        ReaderHarness.fastSettings(20_000, Duration.ofSeconds(1)));
        harness.add(new ExchangeSplit("binance-0", Venue.BINANCE, List.of(BTC), Map.of()));
        FakeConnection c = connect(1);
        for (long s = 1; s <= 10_000; s++) {
            c.frame(frame(BTC, s)); // more than two fetch batches wait in the queue
        }
        harness.pumpUntil("1..10000", WAIT, () -> emitted(BTC).size() == 10_000);
        assertThat(emitted(BTC)).containsExactlyElementsOf(range(1, 10_000));
        assertThat(harness.metrics.split("binance-0", Venue.BINANCE).backfillRequests.getCount())
                .isZero();
    }

    private static List<Long> range(long from, long to) {
        return java.util.stream.LongStream.rangeClosed(from, to).boxed().toList();
    }
}
