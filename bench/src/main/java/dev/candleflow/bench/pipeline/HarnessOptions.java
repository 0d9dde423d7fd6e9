package dev.candleflow.bench.pipeline;

import dev.candleflow.bench.tape.Market;
import dev.candleflow.job.config.CandleJobConfig;
import dev.candleflow.job.config.CandleJobConfigLoader;
import dev.candleflow.job.config.CandleJobOptions;
import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Venue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The harness's command line, parsed and checked.
 *
 * @param trades trades on the tape, played by every run
 * @param venues the venues, each trading every symbol
 * @param symbols symbols per venue
 * @param parallelism the job's parallelism (and the MiniCluster's slots)
 * @param warmup warm-up runs of each job before measuring
 * @param repetitions measured runs of each job
 * @param eventRate event-time trades per second per venue and symbol
 * @param disorderMillis event-time disorder between the symbols of one connection
 * @param rawFrames whether the source parses venue frames (else it emits pre-parsed trades)
 * @param pacedRate trades per second of the latency run; NaN for half the measured rate, 0 for none
 * @param seed the tape's random seed
 * @param jobSettings CandleJob settings ({@code --job key=value})
 * @param clickHouseUrl write to this ClickHouse as well, or null
 * @param kafkaBootstrap write to this Kafka as well, or null
 */
public record HarnessOptions(
        int trades,
        List<Venue> venues,
        int symbols,
        int parallelism,
        int warmup,
        int repetitions,
        double eventRate,
        long disorderMillis,
        boolean rawFrames,
        double pacedRate,
        long seed,
        Map<String, String> jobSettings,
        String clickHouseUrl,
        String kafkaBootstrap) {

    static final List<Venue> VENUE_ORDER =
            List.of(
                    Venue.BINANCE,
                    Venue.OKX,
                    Venue.COINBASE,
                    Venue.BYBIT,
                    Venue.KRAKEN,
                    Venue.BITSTAMP,
                    Venue.GATEIO);

    private static final List<String> KNOWN =
            List.of(
                    "trades",
                    "venues",
                    "symbols",
                    "parallelism",
                    "warmup",
                    "repetitions",
                    "event-rate",
                    "disorder-ms",
                    "input",
                    "paced-rate",
                    "seed");

    /**
     * Why the harness turns forward-filling off: the check counts the windows the tape's trades
     * imply, and filled windows are not trades. (The tape trades every second anyway. Filling used
     * to run forever under the final watermark of a bounded input; that is fixed and tested in
     * candle-job.)
     */
    static final String NO_FILL =
            CandleJobOptions.FILLED_INTERVALS.key()
                    + " must stay empty in the harness: its check counts the windows the trades"
                    + " imply, and filled windows have none";

    public static final String USAGE =
            String.join(
                    "\n",
                    "Options (defaults in brackets):",
                    "  --trades N            trades on the tape [1000000]",
                    "  --venues N|a,b        the first N of " + ids(VENUE_ORDER) + ", or names [3]",
                    "  --symbols N           symbols per venue [10]",
                    "  --parallelism N       job parallelism and MiniCluster slots [2]",
                    "  --warmup N            warm-up runs of each job [1]",
                    "  --repetitions N       measured runs of each job [3]",
                    "  --event-rate R        event-time trades/s per venue and symbol [20]",
                    "  --disorder-ms D       event-time disorder within a connection [250]",
                    "  --input frames|trades parse venue frames in the source, or emit parsed"
                            + " trades [frames]",
                    "  --paced-rate R        trades/s of the latency run; 0 = none [half the"
                            + " measured rate]",
                    "  --seed S              tape seed [42]",
                    "  --job key=value       a CandleJob setting, repeatable (e.g."
                            + " candles.live-interval=100ms)",
                    "  --clickhouse URL      also write to ClickHouse"
                            + " (jdbc:clickhouse://host:port)",
                    "  --kafka HOST:PORT     also write to Kafka");

    public HarnessOptions {
        venues = List.copyOf(venues);
        jobSettings = Map.copyOf(jobSettings);
        if (trades <= 0 || symbols <= 0 || parallelism <= 0 || repetitions <= 0 || warmup < 0) {
            throw new IllegalArgumentException(
                    "trades, symbols, parallelism, repetitions must be > 0 and warmup >= 0");
        }
        if (venues.isEmpty() || !(eventRate > 0) || disorderMillis < 0 || pacedRate < 0) {
            throw new IllegalArgumentException(
                    "need a venue, --event-rate > 0, --disorder-ms >= 0, --paced-rate >= 0");
        }
    }

    /** Parses {@code --key value} or {@code --key=value} arguments. */
    public static HarnessOptions parse(String... args) {
        Map<String, String> job = new LinkedHashMap<>();
        Map<String, String> a = split(args, job);
        HarnessOptions o =
                new HarnessOptions(
                        integer(a, "trades", 1_000_000),
                        venues(a.getOrDefault("venues", "3")),
                        integer(a, "symbols", 10),
                        integer(a, "parallelism", 2),
                        integer(a, "warmup", 1),
                        integer(a, "repetitions", 3),
                        Double.parseDouble(a.getOrDefault("event-rate", "20")),
                        integer(a, "disorder-ms", 250),
                        input(a.getOrDefault("input", "frames")),
                        a.containsKey("paced-rate")
                                ? Double.parseDouble(a.get("paced-rate"))
                                : Double.NaN,
                        Long.parseLong(a.getOrDefault("seed", "42")),
                        job,
                        a.remove("clickhouse"),
                        a.remove("kafka"));
        a.keySet().removeAll(KNOWN);
        if (!a.isEmpty()) {
            throw new IllegalArgumentException("Unknown options " + a.keySet() + "\n" + USAGE);
        }
        o.jobConfig(); // bad --job settings fail here, naming the setting
        return o;
    }

    /** The options by name; {@code --job key=value} go to {@code job}. */
    private static Map<String, String> split(String[] args, Map<String, String> job) {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("Unexpected argument '" + arg + "'\n" + USAGE);
            }
            int eq = arg.indexOf('=');
            String key = eq > 0 ? arg.substring(2, eq) : arg.substring(2);
            if (eq < 0 && i + 1 >= args.length) {
                throw new IllegalArgumentException("Option --" + key + " has no value");
            }
            String value = eq > 0 ? arg.substring(eq + 1) : args[++i];
            if (key.equals("job")) {
                int kv = value.indexOf('=');
                if (kv <= 0) {
                    throw new IllegalArgumentException("--job wants key=value, got " + value);
                }
                job.put(value.substring(0, kv), value.substring(kv + 1));
            } else {
                a.put(key, value);
            }
        }
        return a;
    }

    /** The job's configuration: these venues and symbols, and the {@code --job} settings. */
    public CandleJobConfig jobConfig() {
        List<String> symbolNames =
                Market.symbols(symbols).stream().map(InstrumentId::toString).toList();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(CandleJobOptions.VENUES.key(), ids(venues));
        settings.put(CandleJobOptions.SYMBOLS.key(), String.join(",", symbolNames));
        // See NO_FILL: the tape trades every second anyway, so filling would add no candle.
        settings.put(CandleJobOptions.FILLED_INTERVALS.key(), "");
        if (clickHouseUrl != null) {
            settings.put(CandleJobOptions.CLICKHOUSE_URL.key(), clickHouseUrl);
        }
        if (kafkaBootstrap != null) {
            settings.put(CandleJobOptions.KAFKA_BOOTSTRAP.key(), kafkaBootstrap);
        }
        settings.putAll(jobSettings);
        CandleJobConfig config = CandleJobConfigLoader.fromMap(settings);
        if (!config.candles().filled().isEmpty()) {
            throw new IllegalArgumentException(NO_FILL);
        }
        if (disorderMillis >= config.outOfOrderness().toMillis()) {
            throw new IllegalArgumentException(
                    "--disorder-ms "
                            + disorderMillis
                            + " must stay below watermark.out-of-orderness ("
                            + config.outOfOrderness().toMillis()
                            + " ms), or trades would be late and the check would fail");
        }
        return config;
    }

    boolean realSinks() {
        return clickHouseUrl != null || kafkaBootstrap != null;
    }

    private static int integer(Map<String, String> a, String key, int otherwise) {
        String v = a.get(key);
        try {
            return v == null ? otherwise : Integer.parseInt(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " wants a whole number, got " + v, e);
        }
    }

    private static List<Venue> venues(String text) {
        if (text.chars().allMatch(Character::isDigit)) {
            int n = Integer.parseInt(text);
            if (n < 1 || n > VENUE_ORDER.size()) {
                throw new IllegalArgumentException(
                        "--venues wants 1.." + VENUE_ORDER.size() + " or names, got " + text);
            }
            return VENUE_ORDER.subList(0, n);
        }
        List<Venue> out = new ArrayList<>();
        for (String name : text.split(",")) {
            Venue v = Venue.fromId(name);
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    private static boolean input(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "frames" -> true;
            case "trades" -> false;
            default -> throw new IllegalArgumentException("--input wants frames or trades");
        };
    }

    private static String ids(List<Venue> venues) {
        return String.join(",", venues.stream().map(Venue::id).toList());
    }
}
