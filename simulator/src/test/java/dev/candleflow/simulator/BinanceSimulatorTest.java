package dev.candleflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candleflow.simulator.market.SimTrade;
import dev.candleflow.simulator.testutils.Await;
import dev.candleflow.simulator.testutils.RecordingClient;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Simulator lifecycle: determinism, progress waits, close and start failures. */
class BinanceSimulatorTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final long START = 1_700_000_040_000L;

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    @Test
    void sameSeedGivesSameTradesAcrossRuns() throws Exception {
        List<SimTrade> first = boundedRun(42L);
        assertThat(first).hasSizeGreaterThan(1_000);
        assertThat(boundedRun(42L)).isEqualTo(first);
        assertThat(boundedRun(43L)).isNotEqualTo(first);
    }

    @Test
    void awaitEventTimeReachedMeansAllEarlierTradesArePublished() throws Exception {
        BinanceSimulator sim =
                start(
                        BinanceSimulator.builder()
                                .symbols("BTCUSDT", "ETHUSDT")
                                .tradesPerSecond(20)
                                .speed(50)
                                .startTimeMillis(START)
                                .startOnFirstSubscription(false)
                                .eventDuration(Duration.ofSeconds(10)));
        long cut = START + 3_000;

        assertThat(sim.awaitEventTimeReached(cut, WAIT)).isTrue();
        long before =
                sim.publishedTrades().stream().filter(t -> t.eventTimeMillis() <= cut).count();
        assertThat(sim.awaitFinished(WAIT)).isTrue();
        assertThat(sim.isFinished()).isTrue();
        assertThat(sim.publishedTrades().stream().filter(t -> t.eventTimeMillis() <= cut).count())
                .isEqualTo(before)
                .isPositive();
    }

    @Test
    void closeIsIdempotentClosesClientsAndStopsServerThreads() throws Exception {
        BinanceSimulator sim =
                BinanceSimulator.builder()
                        .symbols("BTCUSDT")
                        .startOnFirstSubscription(false)
                        .build()
                        .start();
        RecordingClient client = connect(sim.rawStreamUri("btcusdt@trade"));

        sim.close();
        sim.close();

        assertThat(client.awaitClose(WAIT).code()).isEqualTo(1001);
        Await.until(
                () ->
                        Thread.getAllStackTraces().keySet().stream()
                                .noneMatch(t -> t.isAlive() && isServerThread(t.getName())),
                WAIT,
                "simulator threads to stop");
    }

    @Test
    void startFailsClearlyWhenThePortIsTaken() throws Exception {
        BinanceSimulator first = start(BinanceSimulator.builder().symbols("BTCUSDT"));
        BinanceSimulator second =
                BinanceSimulator.builder().symbols("BTCUSDT").port(first.port()).build();
        resources.add(second);
        assertThatThrownBy(second::start)
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Failed to bind 127.0.0.1:" + first.port());
    }

    // ---- helpers ----

    private List<SimTrade> boundedRun(long seed) throws Exception {
        try (BinanceSimulator sim =
                BinanceSimulator.builder()
                        .symbols("BTCUSDT", "ETHUSDT", "SOLUSDT")
                        .seed(seed)
                        .tradesPerSecond(20)
                        .speed(2_000)
                        .startTimeMillis(START)
                        .eventDuration(Duration.ofSeconds(30))
                        .startOnFirstSubscription(false)
                        .build()
                        .start()) {
            assertThat(sim.awaitFinished(WAIT)).isTrue();
            return sim.publishedTrades();
        }
    }

    private static boolean isServerThread(String name) {
        return name.startsWith("binance-sim-")
                || name.startsWith("WebSocketSelector-")
                || name.startsWith("WebSocketWorker-");
    }

    private BinanceSimulator start(BinanceSimulatorBuilder builder) throws IOException {
        BinanceSimulator sim = builder.build();
        resources.add(sim);
        return sim.start();
    }

    private RecordingClient connect(URI uri) throws InterruptedException {
        RecordingClient client = RecordingClient.connect(uri);
        resources.add(0, client::closeBlocking);
        return client;
    }
}
