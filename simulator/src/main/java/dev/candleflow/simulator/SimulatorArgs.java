package dev.candleflow.simulator;

import dev.candleflow.simulator.fault.FaultPlan;
import dev.candleflow.simulator.market.Instrument;
import dev.candleflow.simulator.market.InstrumentSpec;
import dev.candleflow.simulator.venue.VenueId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Command line of {@link SimulatorMain}, parsed and checked once.
 *
 * @param port Binance's WebSocket port on 127.0.0.1 (0 picks a free one)
 * @param symbols instruments, as Binance symbols ({@code BTCUSDT}) or canonical ({@code BTC-USDT})
 * @param rate mean trades per event second per venue and symbol
 * @param speed event seconds per wall second
 * @param seed market seed
 * @param eventDuration optional bound of the generated run
 * @param waitForSubscriber start the market on the first subscription instead of at once
 * @param replay Binance capture to replay instead of generating
 * @param replaySpeed recorded seconds per wall second, or full speed
 * @param help print usage and exit
 * @param venues the venues to serve
 * @param restPort Binance's REST port (0 picks a free one)
 * @param basePort if set, venue number k (in {@link VenueId} order) listens on base + 2k
 *     (WebSocket) and base + 2k + 1 (REST), unless --port/--rest-port say otherwise for Binance
 * @param faultPlan faults every venue injects by itself
 * @param history trades per venue and symbol the REST APIs keep
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
        boolean help,
        List<VenueId> venues,
        int restPort,
        Optional<Integer> basePort,
        FaultPlan faultPlan,
        int history) {

    static final String USAGE =
            String.join(
                    System.lineSeparator(),
                    "Usage: SimulatorMain [options]",
                    "  --venues A,B           venues to serve (default all:"
                            + " binance,bybit,okx,coinbase,",
                    "                         kraken,bitstamp,gateio)",
                    "  --port N               Binance WebSocket port on 127.0.0.1, 0 = any (default"
                            + " 9443)",
                    "  --rest-port N          Binance REST port, 0 = any (default 0)",
                    "  --base-port N          venue k listens on N+2k (WebSocket) and N+2k+1"
                            + " (REST)",
                    "  --symbols A,B          instruments, BTCUSDT or BTC-USDT (default"
                            + " BTCUSDT,ETHUSDT,SOLUSDT)",
                    "  --rate R               mean trades per event second per venue and symbol"
                            + " (default 20)",
                    "  --speed S              event seconds per wall second (default 1)",
                    "  --seed N               market seed (default 42)",
                    "  --event-duration D     stop after D of event time: seconds or ISO (PT10M)",
                    "  --history N            trades per venue and symbol kept for REST (default"
                            + " 20000)",
                    "  --wait-for-subscriber  open the market on the first subscription",
                    "  --drop-every D         cut every connection every D (seconds or ISO)",
                    "  --withhold-every D:N   every D, keep the next N trades off the WebSocket"
                            + " (REST has them)",
                    "  --garbage-rate R       chance per trade frame of a junk frame before it",
                    "  --duplicate-rate R     chance per trade frame of sending it twice",
                    "  --replay FILE          serve a Binance capture (one frame per line) instead",
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
                case "--rest-port" -> b.restPort = parseInt(flag, value(args, ++i, flag));
                case "--base-port" -> b.basePort = parseInt(flag, value(args, ++i, flag));
                case "--venues" -> b.venues = venues(value(args, ++i, flag));
                case "--symbols" -> b.symbols = list(flag, value(args, ++i, flag));
                case "--rate" -> b.rate = parseDouble(flag, value(args, ++i, flag));
                case "--speed" -> b.speed = parseDouble(flag, value(args, ++i, flag));
                case "--seed" -> b.seed = parseLong(flag, value(args, ++i, flag));
                case "--event-duration" -> b.eventDuration = duration(flag, value(args, ++i, flag));
                case "--drop-every" -> b.faults.dropEvery(duration(flag, value(args, ++i, flag)));
                case "--withhold-every" -> withholdEvery(b.faults, value(args, ++i, flag));
                case "--garbage-rate" ->
                        b.faults.garbageRate(parseDouble(flag, value(args, ++i, flag)));
                case "--duplicate-rate" ->
                        b.faults.duplicateRate(parseDouble(flag, value(args, ++i, flag)));
                case "--history" -> b.history = parseInt(flag, value(args, ++i, flag));
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
                b.help,
                b.venues,
                b.restPort,
                Optional.ofNullable(b.basePort),
                b.faults.build(),
                b.history);
    }

    /** The simulator these arguments describe; the builder validates the values. */
    MarketSimulatorBuilder toBuilder() {
        List<VenueId> served = replay.isPresent() ? List.of(VenueId.BINANCE) : venues;
        // A long-running process has no test reading publishedTrades(); keep no record.
        MarketSimulatorBuilder builder =
                MarketSimulator.builder()
                        .venues(served)
                        .recordCapacity(0)
                        .historyCapacity(history)
                        .faultPlan(faultPlan);
        basePort.ifPresent(
                base ->
                        served.forEach(
                                v ->
                                        builder.port(v, base + 2 * v.ordinal())
                                                .restPort(v, base + 2 * v.ordinal() + 1)));
        if (basePort.isEmpty() || port != Builder.DEFAULT_PORT) {
            builder.port(VenueId.BINANCE, port);
        }
        if (basePort.isEmpty() || restPort != 0) {
            builder.restPort(VenueId.BINANCE, restPort);
        }
        if (replay.isPresent()) {
            return builder.replay(replay.get(), replaySpeed);
        }
        symbols.forEach(s -> builder.instrument(InstrumentSpec.defaultsFor(instrument(s))));
        builder.tradesPerSecond(rate)
                .speed(speed)
                .seed(seed)
                .startOnFirstSubscription(waitForSubscriber);
        eventDuration.ifPresent(builder::eventDuration);
        return builder;
    }

    /** {@code BTC-USDT}, {@code BTC/USDT} or a Binance symbol such as {@code BTCUSDT}. */
    static Instrument instrument(String symbol) {
        if (symbol.matches(".*[-/_].*")) {
            return Instrument.parse(symbol);
        }
        Instrument i = Instrument.ofBinanceSymbol(symbol.toUpperCase(Locale.ROOT));
        if (i.quote().isEmpty()) {
            throw new IllegalArgumentException(
                    "cannot tell base from quote in '" + symbol + "'; write it as BASE-QUOTE");
        }
        return i;
    }

    private static void withholdEvery(FaultPlan.Builder faults, String text) {
        String[] parts = text.split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("--withhold-every needs D:N, was '" + text + "'");
        }
        faults.withholdEvery(
                duration("--withhold-every", parts[0]), parseInt("--withhold-every", parts[1]));
    }

    private static String value(String[] args, int index, String flag) {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[index];
    }

    private static List<String> list(String flag, String csv) {
        List<String> list =
                Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (list.isEmpty()) {
            throw new IllegalArgumentException(flag + " needs at least one symbol");
        }
        return list;
    }

    private static List<VenueId> venues(String csv) {
        List<VenueId> out = new ArrayList<>();
        list("--venues", csv).forEach(v -> out.add(VenueId.fromId(v)));
        return out;
    }

    private static double replaySpeed(String text) {
        if (text.toLowerCase(Locale.ROOT).equals("max")) {
            return BinanceSimulator.REPLAY_FULL_SPEED;
        }
        return parseDouble("--replay-speed", text);
    }

    private static Duration duration(String flag, String text) {
        try {
            return text.startsWith("P") || text.startsWith("p")
                    ? Duration.parse(text)
                    : Duration.ofMillis(Math.round(Double.parseDouble(text) * 1000.0));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(
                    flag + " must be seconds or an ISO-8601 duration, was '" + text + "'", e);
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
        static final int DEFAULT_PORT = 9443;
        int port = DEFAULT_PORT;
        int restPort;
        Integer basePort;
        List<VenueId> venues = List.of(VenueId.values());
        List<String> symbols = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT");
        double rate = 20.0;
        double speed = 1.0;
        long seed = MarketSimulatorBuilder.DEFAULT_SEED;
        Duration eventDuration;
        boolean waitForSubscriber;
        Path replay;
        double replaySpeed = 1.0;
        boolean help;
        int history = 20_000;
        final FaultPlan.Builder faults = FaultPlan.builder();
    }
}
