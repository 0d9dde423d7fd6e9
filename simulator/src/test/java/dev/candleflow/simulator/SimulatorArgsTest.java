package dev.candleflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorArgsTest {

    @Test
    void defaults() {
        SimulatorArgs args = SimulatorArgs.parse();
        assertThat(args.port()).isEqualTo(9443);
        assertThat(args.symbols()).containsExactly("BTCUSDT", "ETHUSDT", "SOLUSDT");
        assertThat(args.rate()).isEqualTo(20.0);
        assertThat(args.speed()).isEqualTo(1.0);
        assertThat(args.seed()).isEqualTo(42L);
        assertThat(args.replay()).isEmpty();
        assertThat(args.waitForSubscriber()).isFalse();
    }

    @Test
    void allOptions() {
        SimulatorArgs args =
                SimulatorArgs.parse(
                        "--port",
                        "0",
                        "--symbols",
                        "BTCUSDT, ETHUSDT",
                        "--rate",
                        "5.5",
                        "--speed",
                        "60",
                        "--seed",
                        "-7",
                        "--event-duration",
                        "PT10M",
                        "--wait-for-subscriber");
        assertThat(args.port()).isZero();
        assertThat(args.symbols()).isEqualTo(List.of("BTCUSDT", "ETHUSDT"));
        assertThat(args.rate()).isEqualTo(5.5);
        assertThat(args.speed()).isEqualTo(60.0);
        assertThat(args.seed()).isEqualTo(-7L);
        assertThat(args.eventDuration()).contains(Duration.ofMinutes(10));
        assertThat(args.waitForSubscriber()).isTrue();
    }

    @Test
    void replayWithMaxSpeed() {
        SimulatorArgs args = SimulatorArgs.parse("--replay", "cap.jsonl", "--replay-speed", "max");
        assertThat(args.replay()).contains(Path.of("cap.jsonl"));
        assertThat(args.replaySpeed()).isEqualTo(BinanceSimulator.REPLAY_FULL_SPEED);
        assertThat(SimulatorArgs.parse("--event-duration", "1.5").eventDuration())
                .contains(Duration.ofMillis(1500));
    }

    @Test
    void badArgumentsAreExplained() {
        assertBad("unknown option '--prot'", "--prot", "1");
        assertBad("--port must be an integer, was 'abc'", "--port", "abc");
        assertBad("--rate needs a value", "--rate");
        assertBad("--speed needs a value", "--speed", "--seed", "1");
        assertBad("--replay-speed must be a number, was 'fast'", "--replay-speed", "fast");
        assertBad("--symbols needs at least one symbol", "--symbols", ",");
        assertBad(
                "--event-duration must be seconds or an ISO-8601 duration",
                "--event-duration",
                "ten");
    }

    private static void assertBad(String message, String... args) {
        assertThatThrownBy(() -> SimulatorArgs.parse(args))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
