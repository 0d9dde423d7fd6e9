package dev.candleflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candleflow.simulator.testutils.BinanceFrames;
import dev.candleflow.simulator.testutils.RecordingClient;
import dev.candleflow.simulator.venue.VenueId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatorMainTest {

    @Test
    void launchServesTheConfiguredVenuesAndPrintsEachPort() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MarketSimulator sim =
                SimulatorMain.launch(
                        new String[] {
                            "--port",
                            "0",
                            "--venues",
                            "binance,okx,bybit",
                            "--symbols",
                            "ETHUSDT",
                            "--rate",
                            "50",
                            "--speed",
                            "10"
                        },
                        new PrintStream(out, true, StandardCharsets.UTF_8))) {
            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(sim.venues()).containsExactly(VenueId.BINANCE, VenueId.OKX, VenueId.BYBIT);
            assertThat(printed)
                    .contains("binance  listening on " + sim.wsBaseUri(VenueId.BINANCE))
                    .contains("REST " + sim.restBaseUri(VenueId.OKX))
                    .contains("/ws/ethusdt@trade")
                    .contains("/ws/v5/public  (subscribe to ETH-USDT)")
                    .contains("REST (none)");
            // Standalone mode opens the market at once, like a real venue.
            assertThat(sim.isMarketStarted()).isTrue();
            URI stream = URI.create(sim.wsBaseUri(VenueId.BINANCE) + "/ws/ethusdt@trade");
            RecordingClient client = RecordingClient.connect(stream);
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
    void basePortAndFaultFlagsConfigureEveryVenue() {
        SimulatorArgs args =
                SimulatorArgs.parse(
                        "--base-port",
                        "19500",
                        "--drop-every",
                        "30",
                        "--withhold-every",
                        "10:25",
                        "--garbage-rate",
                        "0.01",
                        "--venues",
                        "okx,gate");
        MarketSimulatorConfig config = args.toBuilder().sanityCheck();
        assertThat(config.venues()).containsExactly(VenueId.OKX, VenueId.GATEIO);
        assertThat(config.options().get(VenueId.OKX).wsPort()).isEqualTo(19504);
        assertThat(config.options().get(VenueId.GATEIO).restPort()).isEqualTo(19513);
        assertThat(config.faultPlans().get(VenueId.OKX).dropEvery())
                .contains(Duration.ofSeconds(30));
        assertThat(config.faultPlans().get(VenueId.GATEIO).withholdTrades()).isEqualTo(25);
        assertThat(config.market().orElseThrow().instruments()).hasSize(3);
    }

    @Test
    void helpPrintsUsageAndStartsNothing() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(
                        SimulatorMain.launch(
                                new String[] {"--help"},
                                new PrintStream(out, true, StandardCharsets.UTF_8)))
                .isNull();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("--replay-speed")
                .contains("--venues");
    }

    @Test
    void badValuesFailBeforeBinding() {
        assertThatThrownBy(
                        () ->
                                SimulatorMain.launch(
                                        new String[] {"--port", "0", "--speed", "-1"}, System.out))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("speed must be > 0");
        assertThatThrownBy(() -> SimulatorArgs.parse("--venues", "binance,ftx"))
                .hasMessageContaining("Unknown venue 'ftx'");
        assertThatThrownBy(() -> SimulatorArgs.parse("--symbols", "FOO").toBuilder())
                .hasMessageContaining("BASE-QUOTE");
    }
}
