package dev.candleflow.query.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Fan-out, first events, resume with Last-Event-ID, gaps and the slow-client backlog. */
class StreamFanoutTest {

    /** A subscriber that records what it is given. */
    static final class Recorder implements StreamFanout.Subscriber {
        final StreamFilter filter;
        final List<StreamEvent> events = new ArrayList<>();
        final List<String> signals = new ArrayList<>();

        Recorder(StreamFilter filter) {
            this.filter = filter;
        }

        @Override
        public StreamFilter filter() {
            return filter;
        }

        @Override
        public void enqueue(StreamEvent e) {
            events.add(e);
        }

        @Override
        public void signal(String event, String json) {
            signals.add(event);
        }

        @Override
        public void wake() {}
    }

    static final StreamFilter BTC = new StreamFilter("BTC-USDT", "1m", null);

    static StreamEvent event(
            int topic, long offset, String venue, String symbol, long open, boolean fin) {
        String key = venue + "|" + symbol + "|1m|" + open;
        return new StreamEvent(
                topic,
                0,
                offset,
                key,
                venue,
                symbol,
                "1m",
                open,
                fin,
                "{}",
                new StreamPosition(Map.of(StreamPosition.slot(topic, 0), offset)));
    }

    @Test
    void matchingClientsGetEventsAndOthersDoNot() {
        StreamFanout fanout = new StreamFanout(100);
        Recorder btc = new Recorder(BTC);
        Recorder eth = new Recorder(new StreamFilter("ETH-USDT", "1m", "binance"));
        fanout.subscribe(btc, Optional.empty());
        fanout.subscribe(eth, Optional.empty());
        fanout.publish(event(0, 1, "binance", "BTC-USDT", 60_000, true), 1);
        fanout.publish(event(0, 2, "consolidated", "BTC-USDT", 60_000, true), 2);
        assertThat(btc.events).hasSize(2);
        assertThat(eth.events).isEmpty();
        assertThat(fanout.lastEventTimes()).containsEntry("binance", 1L);
    }

    @Test
    void aNewClientStartsWithTheNewestCandleOfEachSeries() {
        StreamFanout fanout = new StreamFanout(100);
        fanout.publish(event(0, 1, "binance", "BTC-USDT", 60_000, true), 1);
        fanout.publish(event(0, 2, "binance", "BTC-USDT", 120_000, true), 1);
        fanout.publish(event(1, 7, "binance", "BTC-USDT", 180_000, false), 1);
        Recorder r = new Recorder(BTC);
        fanout.subscribe(r, Optional.empty());
        assertThat(r.events).extracting(StreamEvent::openTime).containsExactly(120_000L, 180_000L);
    }

    @Test
    void aResumingClientGetsWhatFollowsItsPosition() {
        StreamFanout fanout = new StreamFanout(100);
        for (int i = 1; i <= 5; i++) {
            fanout.publish(event(0, i, "binance", "BTC-USDT", i * 60_000L, true), 1);
        }
        Recorder r = new Recorder(BTC);
        fanout.subscribe(r, StreamPosition.decode("0.0.3"));
        assertThat(r.events).extracting(StreamEvent::offset).containsExactly(4L, 5L);
        assertThat(r.signals).isEmpty();
    }

    @Test
    void resumingBeyondWhatIsHeldSaysGap() {
        StreamFanout fanout = new StreamFanout(2);
        for (int i = 1; i <= 5; i++) {
            fanout.publish(event(0, i, "binance", "BTC-USDT", i * 60_000L, true), 1);
        }
        Recorder r = new Recorder(BTC);
        fanout.subscribe(r, StreamPosition.decode("0.0.1"));
        assertThat(r.signals).containsExactly("gap");
        assertThat(r.events).extracting(StreamEvent::offset).containsExactly(4L, 5L);
        Recorder restarted = new Recorder(BTC);
        StreamFanout fresh = new StreamFanout(10);
        fresh.loadedFrom(StreamPosition.slot(0, 0), 100);
        fresh.subscribe(restarted, StreamPosition.decode("0.0.50"));
        assertThat(restarted.signals).containsExactly("gap");
    }

    @Test
    void positionsRoundTripAndGarbageIsIgnored() {
        StreamPosition p =
                new StreamPosition(
                        Map.of(StreamPosition.slot(0, 2), 42L, StreamPosition.slot(1, 0), 7L));
        assertThat(StreamPosition.decode(p.encode())).hasValue(p);
        assertThat(p.encode()).isEqualTo("0.2.42-1.0.7");
        for (String garbage : List.of("", "x", "0.0", "2.0.1", "0.0.-1", "0.0.1; DROP", "a.b.c")) {
            assertThat(StreamPosition.decode(garbage)).as(garbage).isEmpty();
        }
    }

    @Test
    void aSlowClientsBacklogKeepsTheLatestPerCandleAndIsBounded() {
        ConflatingBuffer b = new ConflatingBuffer(3);
        assertThat(b.put(event(1, 1, "binance", "BTC-USDT", 60_000, false))).isZero();
        assertThat(b.put(event(1, 2, "binance", "BTC-USDT", 60_000, false))).isZero();
        assertThat(b.size()).isEqualTo(1);
        b.put(event(0, 3, "binance", "BTC-USDT", 60_000, true));
        b.put(event(1, 4, "binance", "BTC-USDT", 60_000, false));
        assertThat(b.take(10)).singleElement().satisfies(e -> assertThat(e.isFinal()).isTrue());
        for (int i = 0; i < 10; i++) {
            b.put(event(0, 10 + i, "binance", "BTC-USDT", i * 60_000L, true));
        }
        assertThat(b.size()).isEqualTo(3);
        assertThat(b.dropped()).isEqualTo(7);
        assertThat(b.take(10)).extracting(StreamEvent::offset).containsExactly(17L, 18L, 19L);
    }
}
