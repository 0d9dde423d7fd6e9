package dev.candleflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candleflow.simulator.testutils.BinanceFrames;
import dev.candleflow.simulator.testutils.RecordingClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatorMainTest {

    @Test
    void launchServesTheConfiguredMarketAndPrintsTheUrl() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (BinanceSimulator sim =
                SimulatorMain.launch(
                        new String[] {
                            "--port", "0", "--symbols", "ETHUSDT", "--rate", "50", "--speed", "10"
                        },
                        new PrintStream(out, true, StandardCharsets.UTF_8))) {
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .contains("listening on ws://127.0.0.1:" + sim.port())
                    .contains("/ws/ethusdt@trade");
            // Standalone mode opens the market at once, like a real venue.
            assertThat(sim.isMarketStarted()).isTrue();
            RecordingClient client = RecordingClient.connect(sim.rawStreamUri("ethusdt@trade"));
            try {
                String frame = client.next(Duration.ofSeconds(10));
                assertThat(BinanceFrames.trade(BinanceFrames.json(frame)).symbol())
                        .isEqualTo("ETHUSDT");
            } finally {
                client.closeBlocking();
            }
        }
    }

    @Test
    void helpPrintsUsageAndStartsNothing() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(
                        SimulatorMain.launch(
                                new String[] {"--help"},
                                new PrintStream(out, true, StandardCharsets.UTF_8)))
                .isNull();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--replay-speed");
    }

    @Test
    void badValuesFailBeforeBinding() {
        assertThatThrownBy(
                        () ->
                                SimulatorMain.launch(
                                        new String[] {"--port", "0", "--speed", "-1"}, System.out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("speed must be > 0");
    }
}
