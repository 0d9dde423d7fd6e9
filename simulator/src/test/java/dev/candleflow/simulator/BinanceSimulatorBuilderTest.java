package dev.candleflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BinanceSimulatorBuilderTest {

    @Test
    void defaultsAreBinanceLike() {
        SimulatorConfig config = BinanceSimulator.builder().symbols("BTCUSDT").sanityCheck();
        assertThat(config.server().pingInterval()).isEqualTo(Duration.ofSeconds(20));
        assertThat(config.server().pongTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.server().port()).isZero();
        assertThat(config.startOnFirstSubscription()).isTrue();
        assertThat(config.market().orElseThrow().seed())
                .isEqualTo(BinanceSimulatorBuilder.DEFAULT_SEED);
        assertThat(config.market().orElseThrow().startTimeMillis()).isEmpty();
    }

    @Test
    void symbolsAreRequiredWithoutReplay() {
        assertInvalid(BinanceSimulator.builder(), "symbols is required but not provided");
    }

    @Test
    void badValuesNameTheSetting() {
        assertInvalid(BinanceSimulator.builder().symbols("btc-usdt"), "upper case");
        assertInvalid(
                BinanceSimulator.builder().symbols("BTCUSDT", "BTCUSDT"),
                "symbols must be distinct");
        assertInvalid(BinanceSimulator.builder().symbols("BTCUSDT").speed(0), "speed must be > 0");
        assertInvalid(
                BinanceSimulator.builder().symbols("BTCUSDT").speed(Double.NaN),
                "speed must be > 0");
        assertInvalid(
                BinanceSimulator.builder().symbols("BTCUSDT").tradesPerSecond(-1),
                "tradesPerSecond must be > 0");
        assertInvalid(
                BinanceSimulator.builder().symbols("BTCUSDT").eventDuration(Duration.ZERO),
                "eventDuration must be at least 1 ms");
        assertInvalid(
                BinanceSimulator.builder().symbols("BTCUSDT").port(70_000),
                "port must be in 0..65535");
        assertInvalid(
                BinanceSimulator.builder().symbols("BTCUSDT").pingInterval(Duration.ZERO),
                "pingInterval must be >= 1 ms");
        assertInvalid(
                BinanceSimulator.builder().symbols("BTCUSDT").recordCapacity(-1),
                "recordCapacity must be >= 0");
    }

    @Test
    void replayIsExclusiveWithTheGeneratedMarket() throws Exception {
        Path capture = ReplayTest.capture();
        assertInvalid(
                BinanceSimulator.builder().replay(capture, 1.0).symbols("BTCUSDT"),
                "replay(..) cannot be combined with symbols");
        assertInvalid(BinanceSimulator.builder().replay(capture, 0.0), "replay speed must be > 0");
        assertInvalid(
                BinanceSimulator.builder().replay(Path.of("/no/such/capture.jsonl"), 1.0),
                "replay file does not exist or is not readable: /no/such/capture.jsonl");
        SimulatorConfig config =
                BinanceSimulator.builder()
                        .replay(capture, BinanceSimulator.REPLAY_FULL_SPEED)
                        .sanityCheck();
        assertThat(config.replay()).isPresent();
        assertThat(config.market()).isEmpty();
        assertThat(config.startOnFirstSubscription()).isTrue();
    }

    @Test
    void portIsOnlyKnownAfterStart() {
        BinanceSimulator sim = BinanceSimulator.builder().symbols("BTCUSDT").build();
        assertThatThrownBy(sim::port)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not started");
        sim.close();
        assertThatThrownBy(sim::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    private static void assertInvalid(BinanceSimulatorBuilder builder, String message) {
        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
