package dev.candleflow.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Command line of {@link SimulatorMain}, parsed and checked once.
 *
 * @param port TCP port on 127.0.0.1 (0 picks a free one)
 * @param symbols native symbols of the generated market
 * @param rate mean trades per event second per symbol
 * @param speed event seconds per wall second
 * @param seed market seed
 * @param eventDuration optional bound of the generated run
 * @param waitForSubscriber start the market on the first subscription instead of at once
 * @param replay capture to replay instead of generating
 * @param replaySpeed recorded seconds per wall second, or full speed
 * @param help print usage and exit
 */
record SimulatorArgs(
        int port,
        List<String> symbols,
        double rate,
        double speed,
        long seed,
        Optional<Duration> eventDuration,
        boolean waitForSubscriber,
        Optional<Path> replay,
        double replaySpeed,
        boolean help) {

    static final String USAGE =
            String.join(
                    System.lineSeparator(),
                    "Usage: SimulatorMain [options]",
                    "  --port N               TCP port on 127.0.0.1, 0 = any (default 9443)",
                    "  --symbols A,B          Binance symbols (default BTCUSDT,ETHUSDT,SOLUSDT)",
                    "  --rate R               mean trades per event second per symbol (default 20)",
                    "  --speed S              event seconds per wall second (default 1)",
                    "  --seed N               market seed (default 42)",
                    "  --event-duration D     stop after D of event time: seconds or ISO (PT10M)",
                    "  --wait-for-subscriber  open the market on the first subscription",
                    "  --replay FILE          serve a capture (one frame per line) instead",
                    "  --replay-speed F|max   recorded pace times F, or max (default 1.0)",
                    "  --help                 this text");

    static SimulatorArgs parse(String... args) {
        Builder b = new Builder();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--help", "-h" -> b.help = true;
                case "--wait-for-subscriber" -> b.waitForSubscriber = true;
                case "--port" -> b.port = parseInt(flag, value(args, ++i, flag));
                case "--symbols" -> b.symbols = symbols(value(args, ++i, flag));
                case "--rate" -> b.rate = parseDouble(flag, value(args, ++i, flag));
                case "--speed" -> b.speed = parseDouble(flag, value(args, ++i, flag));
                case "--seed" -> b.seed = parseLong(flag, value(args, ++i, flag));
                case "--event-duration" -> b.eventDuration = duration(value(args, ++i, flag));
                case "--replay" -> b.replay = Path.of(value(args, ++i, flag));
                case "--replay-speed" -> b.replaySpeed = replaySpeed(value(args, ++i, flag));
                default -> throw new IllegalArgumentException("unknown option '" + flag + "'");
            }
        }
        return new SimulatorArgs(
                b.port,
                b.symbols,
                b.rate,
                b.speed,
                b.seed,
                Optional.ofNullable(b.eventDuration),
                b.waitForSubscriber,
                Optional.ofNullable(b.replay),
                b.replaySpeed,
                b.help);
    }

    /** The simulator these arguments describe; the builder validates the values. */
    BinanceSimulatorBuilder toBuilder() {
        // A long-running process has no test reading publishedTrades(); keep no record.
        BinanceSimulatorBuilder builder = BinanceSimulator.builder().port(port).recordCapacity(0);
        if (replay.isPresent()) {
            return builder.replay(replay.get(), replaySpeed);
        }
        builder.symbols(symbols)
                .tradesPerSecond(rate)
                .speed(speed)
                .seed(seed)
                .startOnFirstSubscription(waitForSubscriber);
        eventDuration.ifPresent(builder::eventDuration);
        return builder;
    }

    private static String value(String[] args, int index, String flag) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[index];
    }

    private static List<String> symbols(String csv) {
        List<String> list =
                Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (list.isEmpty()) {
            throw new IllegalArgumentException("--symbols needs at least one symbol");
        }
        return list;
    }

    private static double replaySpeed(String text) {
        if (text.toLowerCase(Locale.ROOT).equals("max")) {
            return BinanceSimulator.REPLAY_FULL_SPEED;
        }
        return parseDouble("--replay-speed", text);
    }

    private static Duration duration(String text) {
        try {
            return text.startsWith("P") || text.startsWith("p")
                    ? Duration.parse(text)
                    : Duration.ofMillis(Math.round(Double.parseDouble(text) * 1000.0));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "--event-duration must be seconds or an ISO-8601 duration, was '" + text + "'",
                    e);
        }
    }

    private static int parseInt(String flag, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be an integer, was '" + text + "'", e);
        }
    }

    private static long parseLong(String flag, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be an integer, was '" + text + "'", e);
        }
    }

    private static double parseDouble(String flag, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a number, was '" + text + "'", e);
        }
    }

    /** Mutable defaults while parsing. */
    private static final class Builder {
        int port = 9443;
        List<String> symbols = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT");
        double rate = 20.0;
        double speed = 1.0;
        long seed = BinanceSimulatorBuilder.DEFAULT_SEED;
        Duration eventDuration;
        boolean waitForSubscriber;
        Path replay;
        double replaySpeed = 1.0;
        boolean help;
    }
}
