package dev.candleflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.bench.pipeline.Harness;
import dev.candleflow.bench.pipeline.HarnessOptions;
import dev.candleflow.bench.pipeline.Report;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The harness end to end with a small tape: every run's output passes the correctness check, and
 * the report has the baseline and pipeline rows with positive rates. No thresholds on speed: this
 * machine's load is not the code's fault.
 */
class PipelineThroughputTest {

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void smallTapeThroughTheWholePipeline() throws Exception {
        HarnessOptions options =
                HarnessOptions.parse(
                        "--trades", "8000",
                        "--venues", "3",
                        "--symbols", "4",
                        "--parallelism", "2",
                        "--warmup", "0",
                        "--repetitions", "1",
                        "--paced-rate", "4000");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Report report =
                new Harness(options, new PrintStream(log, true, StandardCharsets.UTF_8)).run();
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        report.print(new PrintStream(table, true, StandardCharsets.UTF_8));
        String printed = table.toString(StandardCharsets.UTF_8);

        assertThat(report.problems()).as(printed).isEmpty();
        assertThat(report.passed()).isTrue();
        Report.Row baseline = report.row("baseline").orElseThrow();
        Report.Row pipeline = report.row("pipeline").orElseThrow();
        assertThat(baseline.trades()).isEqualTo(8_000);
        assertThat(pipeline.trades()).isEqualTo(8_000);
        assertThat(baseline.tradesPerSecond()).isPositive().isFinite();
        assertThat(pipeline.tradesPerSecond()).isPositive().isFinite();
        assertThat(pipeline.ratio()).isPositive().isFinite();
        // two seconds at 4,000 trades/s: live updates (every 250 ms) certainly reach the sink
        Report.Row paced = report.row("pipeline paced 4,000/s").orElseThrow();
        assertThat(paced.venueLive().samples()).isPositive();
        assertThat(paced.venueLive().p99Millis())
                .isGreaterThanOrEqualTo(paced.venueLive().p50Millis());
        assertThat(paced.consolidatedLive().samples()).isPositive();
        assertThat(printed).contains("baseline", "pipeline", "x baseline", "check: OK");
    }
}
