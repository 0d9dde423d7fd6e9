package dev.candleflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.simulator.market.SimTrade;
import dev.candleflow.simulator.testutils.Await;
import dev.candleflow.simulator.testutils.BinanceFrames;
import dev.candleflow.simulator.testutils.RecordingClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final List<RecordingClient> clients = new ArrayList<>();
    private BinanceSimulator sim;

    @AfterEach
    void close() throws InterruptedException {
        for (RecordingClient client : clients) {
            client.closeBlocking();
        }
        sim.close();
    }

    @Test
    void dropAllConnectionsClosesAbnormallyWhileTheMarketKeepsTrading() throws Exception {
        sim =
                BinanceSimulator.builder()
                        .symbols("BTCUSDT")
                        .tradesPerSecond(50)
                        .speed(10)
                        .build()
                        .start();
        RecordingClient client = connect(sim.rawStreamUri("btcusdt@trade"));
        long lastIdBeforeDrop =
                BinanceFrames.trade(BinanceFrames.json(client.next(WAIT))).tradeId();

        sim.faults().dropAllConnections();

        RecordingClient.CloseInfo close = client.awaitClose(WAIT);
        assertThat(close.code()).isEqualTo(1006);
        assertThat(close.remote()).isTrue();
        Await.until(() -> sim.connectionCount() == 0, WAIT, "the server to forget the client");
        long countAtDrop = sim.publishedTradeCount();
        Await.until(
                () -> sim.publishedTradeCount() > countAtDrop + 20, WAIT, "trades after the drop");

        RecordingClient again = connect(sim.rawStreamUri("btcusdt@trade"));
        SimTrade resumed = BinanceFrames.trade(BinanceFrames.json(again.next(WAIT)));
        assertThat(resumed.tradeId()).isGreaterThan(lastIdBeforeDrop + 20);
        List<SimTrade> published = sim.publishedTrades();
        for (int i = 1; i < published.size(); i++) {
            assertThat(published.get(i).tradeId()).isEqualTo(published.get(i - 1).tradeId() + 1);
        }
    }

    @Test
    void sendGarbageReachesEveryConnectionVerbatim() throws Exception {
        sim = BinanceSimulator.builder().symbols("BTCUSDT").build().start();
        RecordingClient bare = connect(java.net.URI.create(sim.wsBaseUri() + "/ws"));
        RecordingClient combined = connect(sim.combinedStreamUri("ethusdt@trade"));
        Await.until(() -> sim.connectionCount() == 2, WAIT, "both connections");

        sim.faults().sendGarbage("{\"e\":\"trade\",\"p\":");

        assertThat(bare.next(WAIT)).isEqualTo("{\"e\":\"trade\",\"p\":");
        assertThat(combined.next(WAIT)).isEqualTo("{\"e\":\"trade\",\"p\":");
    }

    @Test
    void tradeListenersSeeEveryPublishedTrade() throws Exception {
        List<SimTrade> heard = new CopyOnWriteArrayList<>();
        sim =
                BinanceSimulator.builder()
                        .symbols("BTCUSDT")
                        .tradesPerSecond(50)
                        .speed(100)
                        .eventDuration(Duration.ofSeconds(2))
                        .startOnFirstSubscription(false)
                        .build();
        sim.addTradeListener(heard::add);
        sim.addTradeListener(
                t -> {
                    throw new IllegalStateException("a failing listener must not stop the market");
                });
        sim.start();

        assertThat(sim.awaitFinished(WAIT)).isTrue();
        assertThat(heard).isEqualTo(sim.publishedTrades()).isNotEmpty();
    }

    private RecordingClient connect(java.net.URI uri) throws InterruptedException {
        RecordingClient client = RecordingClient.connect(uri);
        clients.add(client);
        return client;
    }
}
