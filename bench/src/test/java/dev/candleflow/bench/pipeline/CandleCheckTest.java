package dev.candleflow.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.bench.tape.Tape;
import dev.candleflow.bench.tape.TapeGenerator;
import dev.candleflow.bench.tape.TapeSpec;
import dev.candleflow.model.Candle;
import dev.candleflow.model.CandleInterval;
import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Venue;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The check fails loudly, naming what is missing, when a run's output falls short. */
class CandleCheckTest {

    static final List<CandleInterval> INTERVALS = List.of(CandleInterval.S1, CandleInterval.M1);

    @Test
    void nothingAtTheSinksIsReportedPerIntervalAndSource() {
        try (Tape tape = tape()) {
            RunStats stats = RunStats.start("check-test-empty");
            try {
                List<String> problems = CandleCheck.problems(tape.expected(), stats, INTERVALS);

                assertThat(problems)
                        .anyMatch(p -> p.startsWith("final venue 1s candles: expected "))
                        .anyMatch(p -> p.startsWith("final consolidated 1s candles: expected "))
                        .contains(
                                "trades in final venue 1m candles: expected 3000, got 0",
                                "trades in final consolidated 1m candles: expected 3000, got 0");
                assertThat(CandleCheck.baseline(tape.expected(), stats))
                        .containsExactly("trades at the baseline sink: expected 3000, got 0");
            } finally {
                RunStats.forget("check-test-empty");
            }
        }
    }

    @Test
    void aRevisionOrADeadLetterIsAProblem() {
        try (Tape tape = tape()) {
            RunStats stats = RunStats.start("check-test-revision");
            try {
                CandleTally tally = new CandleTally();
                tally.add(candle(1));
                stats.merge(
                        SinkKind.FINAL_CANDLES,
                        1,
                        1L,
                        tally,
                        new LatencySamples(),
                        new LatencySamples());
                stats.merge(
                        SinkKind.DEAD_LETTERS,
                        2,
                        1L,
                        new CandleTally(),
                        new LatencySamples(),
                        new LatencySamples());

                assertThat(CandleCheck.problems(tape.expected(), stats, INTERVALS))
                        .contains(
                                "revised venue 1s candles: expected 0, got 1",
                                "dead letters: expected 0, got 2");
            } finally {
                RunStats.forget("check-test-revision");
            }
        }
    }

    private static Tape tape() {
        return TapeGenerator.generate(
                new TapeSpec(
                        3_000,
                        List.of(Venue.BINANCE, Venue.OKX),
                        3,
                        2,
                        20,
                        250,
                        true,
                        7,
                        CandleInterval.S1));
    }

    private static Candle candle(int revision) {
        BigDecimal one = BigDecimal.ONE;
        return new Candle(
                Venue.BINANCE,
                InstrumentId.parse("BTC-USDT"),
                CandleInterval.S1,
                1_000_000L,
                one,
                one,
                one,
                one,
                one,
                one,
                one,
                one,
                one,
                1,
                "1",
                "1",
                1_000_000L,
                1_000_000L,
                "",
                "",
                BigDecimal.ZERO,
                true,
                revision);
    }
}
