package dev.candleflow.bench.pipeline;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a harness run measured, as a small table, and whatever its correctness checks found. The
 * rows named {@code baseline} and {@code pipeline} are the medians of the measured repetitions.
 */
public final class Report {

    /**
     * One line of the table.
     *
     * @param ratio trades/s as a multiple of the baseline's, or NaN
     * @param venueLive lag of live venue candles of the base interval behind their newest trade
     * @param consolidatedLive the same for live consolidated candles
     */
    public record Row(
            String run,
            long trades,
            double seconds,
            double tradesPerSecond,
            double ratio,
            Latency venueLive,
            Latency consolidatedLive) {

        static Row of(RunResult r, double ratio) {
            return new Row(
                    r.run(),
                    r.trades(),
                    r.seconds(),
                    r.tradesPerSecond(),
                    ratio,
                    r.venueLatency(),
                    r.consolidatedLatency());
        }
    }

    private final List<String> header;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Report(List<String> header) {
        this.header = List.copyOf(header);
    }

    void add(Row row) {
        rows.add(row);
    }

    void problems(String run, List<String> found) {
        found.forEach(p -> problems.add(run + ": " + p));
    }

    void note(String line) {
        notes.add(line);
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    /** The first row of that name. */
    public Optional<Row> row(String run) {
        return rows.stream().filter(r -> r.run().equals(run)).findFirst();
    }

    /** What the correctness checks found; empty when every run's output was complete. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    public boolean passed() {
        return problems.isEmpty();
    }

    public void print(PrintStream out) {
        header.forEach(out::println);
        out.println();
        out.printf(
                Locale.ROOT,
                "%-24s %11s %8s %11s %10s   %-17s %-17s%n",
                "run",
                "trades",
                "seconds",
                "trades/s",
                "x baseline",
                "live venue p50/99",
                "live cons. p50/99");
        for (Row r : rows) {
            out.printf(
                    Locale.ROOT,
                    "%-24s %,11d %8.2f %,11.0f %10s   %-17s %-17s%n",
                    r.run(),
                    r.trades(),
                    r.seconds(),
                    r.tradesPerSecond(),
                    Double.isNaN(r.ratio()) ? "" : String.format(Locale.ROOT, "%.3f", r.ratio()),
                    latency(r.venueLive()),
                    latency(r.consolidatedLive()));
        }
        out.println();
        notes.forEach(out::println);
        if (problems.isEmpty()) {
            out.println("check: OK, every run's output is complete (see bench/README.md)");
        } else {
            out.println("check FAILED, the output is not what the tape implies:");
            problems.forEach(p -> out.println("  " + p));
        }
    }

    private static String latency(Latency l) {
        return l.samples() == 0
                ? ""
                : String.format(Locale.ROOT, "%.0f / %.0f ms", l.p50Millis(), l.p99Millis());
    }
}
