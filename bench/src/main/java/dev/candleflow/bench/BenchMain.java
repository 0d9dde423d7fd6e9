package dev.candleflow.bench;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the hot-path benchmarks and prints each as a ratio against its baseline measured in the same
 * run, which is what stays comparable across machines; with {@code pipeline} as first argument,
 * runs the end-to-end harness ({@link PipelineThroughput}) instead.
 *
 * <pre>{@code
 * mvn -B -q -DskipTests package -pl bench -am && java -jar bench/target/benchmarks.jar
 * java -Xmx2g -jar bench/target/benchmarks.jar pipeline --trades 1000000
 * }</pre>
 */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("pipeline")) {
            PipelineThroughput.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Collection<RunResult> results =
                new Runner(
                                new OptionsBuilder()
                                        .include(HotPathBenchmark.class.getSimpleName())
                                        .build())
                        .run();
        Map<String, Double> opsPerSecond = new LinkedHashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            opsPerSecond.put(
                    name.substring(name.lastIndexOf('.') + 1), r.getPrimaryResult().getScore());
        }
        System.out.println();
        System.out.printf("%-18s %14s   %s%n", "benchmark", "ops/s (1 core)", "ratio");
        line(opsPerSecond, "jsonTokenScan", null);
        line(opsPerSecond, "parse", "jsonTokenScan");
        line(opsPerSecond, "updateInDoubles", null);
        line(opsPerSecond, "update", "updateInDoubles");
        line(opsPerSecond, "parseAndUpdate", "jsonTokenScan");
    }

    private static void line(Map<String, Double> ops, String name, String baseline) {
        Double score = ops.get(name);
        if (score == null) {
            return;
        }
        String ratio =
                baseline == null || !ops.containsKey(baseline)
                        ? "(baseline)"
                        : String.format(
                                "%.2f x the throughput of %s", score / ops.get(baseline), baseline);
        System.out.printf("%-18s %,14.0f   %s%n", name, score, ratio);
    }
}
