package dev.candleflow.local.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The run command's own flags; anything else ({@code --key value}) is a job setting.
 *
 * @param live read the real Binance endpoint instead of the simulator
 * @param replay a file of recorded frames to serve through the simulator, or null
 * @param replaySpeed recorded pace times this, or {@code Double.POSITIVE_INFINITY} for full speed
 * @param speed how much faster than real time the simulated market runs
 * @param dataDir where ClickHouse and Kafka keep their data
 * @param jobArgs the remaining arguments, for the job's configuration
 */
record LocalStackArgs(
        boolean live,
        Path replay,
        double replaySpeed,
        double speed,
        Path dataDir,
        List<String> jobArgs) {

    static final String USAGE =
            "usage: deploy/local/run.sh [--live | --replay FILE [--replay-speed X|max]] [--speed"
                    + " X]\n"
                    + "                           [--data-dir DIR] [--<job setting> VALUE ...]";

    static LocalStackArgs parse(String... args) {
        boolean live = false;
        Path replay = null;
        double replaySpeed = Double.POSITIVE_INFINITY;
        double speed = 10;
        Path dataDir = Path.of("deploy/local/.data/run");
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--live" -> live = true;
                case "--replay" -> replay = Path.of(value(args, ++i, "--replay"));
                case "--replay-speed" -> replaySpeed = speed(value(args, ++i, "--replay-speed"));
                case "--speed" -> speed = speed(value(args, ++i, "--speed"));
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, "--data-dir"));
                case "--help", "-h" -> throw new IllegalArgumentException(USAGE);
                default -> rest.add(args[i]);
            }
        }
        if (live && replay != null) {
            throw new IllegalArgumentException("--live and --replay exclude each other\n" + USAGE);
        }
        if (replay != null && !replay.toFile().isFile()) {
            throw new IllegalArgumentException("--replay: no such file " + replay.toAbsolutePath());
        }
        return new LocalStackArgs(live, replay, replaySpeed, speed, dataDir, rest);
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static double speed(String text) {
        if (text.equals("max")) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            double d = Double.parseDouble(text);
            if (d > 0 && !Double.isInfinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                "Speed '" + text + "' must be a number > 0 (or max for replays)");
    }
}
