package dev.candleflow.bench.pipeline;

import dev.candleflow.bench.tape.Tape;
import dev.candleflow.bench.tape.TapeGenerator;
import dev.candleflow.bench.tape.TapeSpec;
import dev.candleflow.job.config.CandleJobConfig;
import dev.candleflow.model.Venue;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The end-to-end harness: generates the tape (not measured), then on one MiniCluster runs the
 * baseline and the pipeline alternately, warm-up runs first, then a paced pipeline run for latency,
 * checking every run's output. Ratios are taken within a repetition, where both jobs met the same
 * machine load.
 */
public final class Harness {

    private final HarnessOptions options;
    private final PrintStream log;
    private final List<String> revised = new ArrayList<>();

    public Harness(HarnessOptions options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    public Report run() throws Exception {
        CandleJobConfig config = options.jobConfig();
        Report report = new Report(header(config));
        long t0 = System.nanoTime();
        try (Tape tape = TapeGenerator.generate(spec(config))) {
            log.printf(
                    Locale.ROOT,
                    "tape: %,d %s generated and checked in %.1f s (not measured)%n",
                    tape.size(),
                    options.rawFrames() ? "frames" : "trades",
                    (System.nanoTime() - t0) / 1e9);
            try (PipelineRuns runs = new PipelineRuns(options, tape, config)) {
                measure(runs, report);
            }
        }
        report.note("load average at the end: " + loadAverage());
        return report;
    }

    private void measure(PipelineRuns runs, Report report) throws Exception {
        for (int w = 1; w <= options.warmup(); w++) {
            record(report, runs.baseline("warm-up baseline " + w), Double.NaN);
            record(report, runs.pipeline("warm-up pipeline " + w, 0), Double.NaN);
        }
        List<RunResult> baselines = new ArrayList<>();
        List<RunResult> pipelines = new ArrayList<>();
        double[] ratios = new double[options.repetitions()];
        for (int r = 0; r < options.repetitions(); r++) {
            RunResult b = runs.baseline("baseline #" + (r + 1));
            RunResult p = runs.pipeline("pipeline #" + (r + 1), 0);
            ratios[r] = p.tradesPerSecond() / b.tradesPerSecond();
            record(report, b, Double.NaN);
            record(report, p, ratios[r]);
            baselines.add(b);
            pipelines.add(p);
        }
        report.add(Report.Row.of(median("baseline", baselines), Double.NaN));
        RunResult pipeline = median("pipeline", pipelines);
        report.add(Report.Row.of(pipeline, median(ratios)));
        double paced =
                Double.isNaN(options.pacedRate())
                        ? Math.round(pipeline.tradesPerSecond() / 2 / 100) * 100d
                        : options.pacedRate();
        if (paced > 0) {
            String name = String.format(Locale.ROOT, "pipeline paced %,.0f/s", paced);
            record(report, runs.pipeline(name, paced), Double.NaN);
        }
        report.note(
                "larger-interval candles re-emitted as revisions without late trades, per pipeline"
                        + " run: "
                        + String.join(", ", revised)
                        + " (must be 0; see bench/README.md)");
    }

    private void record(Report report, RunResult r, double ratio) {
        report.add(Report.Row.of(r, ratio));
        report.problems(r.run(), r.problems());
        if (r.run().contains("pipeline")) {
            revised.add(Long.toString(r.extraRevisions()));
        }
        log.printf(
                Locale.ROOT,
                "%-24s %,11.0f trades/s%s%n",
                r.run(),
                r.tradesPerSecond(),
                r.problems().isEmpty() ? "" : "  CHECK FAILED: " + r.problems());
    }

    /** The repetition of median duration, with the live latencies of all repetitions. */
    private static RunResult median(String name, List<RunResult> runs) {
        List<RunResult> sorted = new ArrayList<>(runs);
        sorted.sort((a, b) -> Double.compare(a.seconds(), b.seconds()));
        RunResult m = sorted.get((sorted.size() - 1) / 2);
        LatencySamples venue = new LatencySamples();
        LatencySamples consolidated = new LatencySamples();
        for (RunResult r : runs) {
            venue.addAll(r.venueLive());
            consolidated.addAll(r.consolidatedLive());
        }
        return new RunResult(name, m.trades(), m.seconds(), venue, consolidated, List.of(), 0);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private TapeSpec spec(CandleJobConfig config) {
        return new TapeSpec(
                options.trades(),
                options.venues(),
                options.symbols(),
                options.parallelism(),
                options.eventRate(),
                options.disorderMillis(),
                options.rawFrames(),
                options.seed(),
                config.candles().base());
    }

    private List<String> header(CandleJobConfig config) {
        Runtime rt = Runtime.getRuntime();
        return List.of(
                String.format(
                        Locale.ROOT,
                        "candleflow end-to-end: %,d trades, %d venues (%s) x %d symbols,"
                                + " parallelism %d, input %s",
                        options.trades(),
                        options.venues().size(),
                        String.join(",", options.venues().stream().map(Venue::id).toList()),
                        options.symbols(),
                        options.parallelism(),
                        options.rawFrames() ? "venue frames (parsed in the source)" : "trades"),
                workload(config),
                String.format(
                        Locale.ROOT,
                        "machine: %d cores, max heap %d MB, Java %s, load average at the start:"
                                + " %s",
                        rt.availableProcessors(),
                        rt.maxMemory() >> 20,
                        System.getProperty("java.version"),
                        loadAverage()),
                String.format(
                        Locale.ROOT,
                        "%d warm-up and %d measured runs of each job; seconds = first frame"
                                + " released to last record at a sink",
                        options.warmup(),
                        options.repetitions()));
    }

    private String workload(CandleJobConfig config) {
        return String.format(
                Locale.ROOT,
                "tape: %.0f trades/s per venue and symbol in event time, disorder up to %d ms;"
                        + " job: intervals %s, live every %d ms, checkpoint every %d s; %s",
                options.eventRate(),
                options.disorderMillis(),
                String.join(
                        ",", config.candles().intervals().stream().map(i -> i.label()).toList()),
                config.candles().liveInterval().toMillis(),
                config.checkpointInterval().toSeconds(),
                options.realSinks() ? "counting and real sinks" : "counting sinks");
    }

    /** The 1, 5 and 15 minute load averages, as uptime shows them. */
    static String loadAverage() {
        Path proc = Path.of("/proc/loadavg");
        try {
            if (Files.isReadable(proc)) {
                String[] f = Files.readString(proc).trim().split("\\s+");
                return f[0] + " " + f[1] + " " + f[2];
            }
        } catch (IOException e) {
            // fall through to what the JVM knows
        }
        return String.format(
                Locale.ROOT,
                "%.2f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
