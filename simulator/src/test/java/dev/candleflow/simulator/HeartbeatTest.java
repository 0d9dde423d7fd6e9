package dev.candleflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.simulator.testutils.Await;
import dev.candleflow.simulator.testutils.RecordingClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HeartbeatTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private BinanceSimulator sim;
    private RecordingClient ponging;
    private RecordingClient silent;

    @AfterEach
    void close() throws InterruptedException {
        if (ponging != null) {
            ponging.closeBlocking();
        }
        if (silent != null) {
            silent.closeBlocking();
        }
        sim.close();
    }

    @Test
    void serverPingsAndDropsOnlyTheClientThatDoesNotPong() throws Exception {
        sim =
                BinanceSimulator.builder()
                        .symbols("BTCUSDT")
                        .startOnFirstSubscription(false)
                        .pingInterval(Duration.ofMillis(100))
                        .pongTimeout(Duration.ofMillis(800))
                        .build()
                        .start();
        ponging = RecordingClient.connect(sim.rawStreamUri("btcusdt@trade"), true);
        silent = RecordingClient.connect(sim.rawStreamUri("btcusdt@trade"), false);

        Await.until(() -> silent.pingCount() >= 1, WAIT, "a ping to the silent client");
        RecordingClient.CloseInfo close = silent.awaitClose(WAIT);

        // Dropped without a close frame, as a venue cutting an unresponsive client.
        assertThat(close.code()).isEqualTo(1006);
        assertThat(silent.pingCount()).isGreaterThanOrEqualTo(2);
        int pingsAtDrop = ponging.pingCount();
        Await.until(
                () -> ponging.pingCount() >= pingsAtDrop + 3,
                WAIT,
                "more pings to the answering client");
        assertThat(ponging.isOpen()).isTrue();
        assertThat(ponging.isClosed()).isFalse();
        assertThat(sim.connectionCount()).isEqualTo(1);
    }
}
