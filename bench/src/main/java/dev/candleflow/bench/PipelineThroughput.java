package dev.candleflow.bench;

import dev.candleflow.bench.pipeline.Harness;
import dev.candleflow.bench.pipeline.HarnessOptions;
import dev.candleflow.bench.pipeline.Report;
import java.util.Arrays;

/**
 * The end-to-end throughput and latency harness: the real {@code CandleJob} pipeline on a local
 * MiniCluster, fed by an in-memory tape of venue frames, against a baseline of the same source
 * through a bare keyBy; reports trades/s, the ratio to the baseline, live-candle latency, and fails
 * (exit code 1) when any run's output is incomplete. Options: {@link HarnessOptions#USAGE}.
 *
 * <pre>{@code
 * java -Xmx2g -jar bench/target/benchmarks.jar pipeline --trades 1000000 --venues 3 --symbols 10
 * }</pre>
 */
public final class PipelineThroughput {

    private PipelineThroughput() {}

    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--help")) {
            System.out.println(HarnessOptions.USAGE);
            return;
        }
        HarnessOptions options;
        try {
            options = HarnessOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Report report = new Harness(options, System.out).run();
        System.out.println();
        report.print(System.out);
        if (!report.passed()) {
            System.exit(1);
        }
    }
}
