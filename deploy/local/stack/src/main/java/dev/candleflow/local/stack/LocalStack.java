package dev.candleflow.local.stack;

import dev.candleflow.job.CandleJob;
import dev.candleflow.job.config.CandleJobConfig;
import dev.candleflow.job.config.CandleJobConfigLoader;
import dev.candleflow.local.ClickHouseServer;
import dev.candleflow.local.FreePorts;
import dev.candleflow.local.KafkaServer;
import dev.candleflow.query.QueryService;
import dev.candleflow.query.config.QueryServiceConfigLoader;
import dev.candleflow.simulator.BinanceSimulator;
import dev.candleflow.simulator.MarketSimulator;
import dev.candleflow.simulator.venue.VenueId;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The one-command local run: real ClickHouse and Kafka on this machine, the exchange simulator (or
 * the live venue, or a replayed capture), and CandleJob on a MiniCluster with the Flink Web UI.
 * Everything it started stops on Ctrl-C.
 */
public final class LocalStack {

    static final int CLICKHOUSE_HTTP_PORT = 18123;
    static final int CLICKHOUSE_TCP_PORT = 19000;
    static final int KAFKA_PORT = 19092;
    static final int KAFKA_CONTROLLER_PORT = 19093;
    static final int SIMULATOR_PORT = 19443;
    static final int FLINK_UI_PORT = 8081;
    static final int QUERY_SERVICE_PORT = 8088;
    static final List<String> SIM_INSTRUMENTS = List.of("BTC-USDT", "ETH-USDT", "SOL-USDT");

    /** Enough above the market for the off-market rule to exclude the venue. */
    static final double OFF_MARKET_BASIS = 0.01;

    private final List<AutoCloseable> started = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        LocalStackArgs parsed;
        try {
            parsed = LocalStackArgs.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        new LocalStack().run(parsed);
    }

    void run(LocalStackArgs args) throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    say("Stopping everything this run started ...");
                                    stopAll();
                                    stopped.countDown();
                                },
                                "local-stack-shutdown"));
        try {
            JobClient job = start(args);
            say("Running. Press Ctrl-C to stop.");
            Progress progress = new Progress((ClickHouseServer) started.get(0), configDatabase);
            while (!job.getJobStatus().get().isGloballyTerminalState()) {
                Thread.sleep(Duration.ofSeconds(10).toMillis());
                progress.report();
            }
            say("The job ended: " + job.getJobStatus().get());
        } catch (Exception e) {
            System.err.println("[candleflow] " + e.getMessage());
            stopAll();
            System.exit(1);
        }
    }

    private String configDatabase;
    private java.net.URI dashboard;

    private JobClient start(LocalStackArgs args) throws Exception {
        Path data = args.dataDir().toAbsolutePath();
        say("Data in " + data);
        say(
                "Starting ClickHouse (first run installs the engine, ~180 MB, into"
                        + " ~/.cache/candleflow) ...");
        ClickHouseServer ch =
                ClickHouseServer.start(
                        data.resolve("clickhouse"),
                        preferred(CLICKHOUSE_HTTP_PORT),
                        preferred(CLICKHOUSE_TCP_PORT));
        started.add(ch);
        say("Starting Kafka ...");
        KafkaServer kafka =
                KafkaServer.start(
                        data.resolve("kafka"),
                        preferred(KAFKA_PORT),
                        preferred(KAFKA_CONTROLLER_PORT),
                        null);
        started.add(kafka);

        List<String> jobArgs =
                new ArrayList<>(
                        List.of(
                                "--clickhouse.url",
                                "jdbc:clickhouse://127.0.0.1:" + ch.httpPort(),
                                "--kafka.bootstrap-servers",
                                kafka.bootstrapServers()));
        if (args.replay() != null) {
            BinanceSimulator sim = replay(args);
            started.add(sim);
            jobArgs.addAll(List.of("--source.endpoint.binance", sim.wsBaseUri().toString()));
        } else if (!args.live()) {
            MarketSimulator sim = market(args);
            started.add(sim);
            jobArgs.addAll(
                    List.of(
                            "--venues",
                            String.join(",", sim.venues().stream().map(VenueId::id).toList()),
                            "--symbols",
                            String.join(",", SIM_INSTRUMENTS)));
            for (VenueId v : sim.venues()) {
                jobArgs.addAll(List.of("--source.endpoint." + v.id(), sim.wsBaseUri(v).toString()));
                if (v != VenueId.BYBIT) { // Bybit has no REST trade history by id
                    jobArgs.addAll(
                            List.of(
                                    "--source.rest-endpoint." + v.id(),
                                    sim.restBaseUri(v).toString()));
                }
            }
        }
        jobArgs.addAll(args.jobArgs());
        CandleJobConfig config = CandleJobConfigLoader.fromArgs(jobArgs.toArray(String[]::new));
        configDatabase = config.clickHouse().database();
        CandleJob.prepareStorage(config);
        QueryService queryService =
                QueryService.start(
                        QueryServiceConfigLoader.fromArgs(
                                "--clickhouse.url", config.clickHouse().url(),
                                "--clickhouse.database", config.clickHouse().database(),
                                "--kafka.bootstrap-servers", kafka.bootstrapServers(),
                                "--port", String.valueOf(preferred(QUERY_SERVICE_PORT))));
        started.add(queryService);
        dashboard = queryService.uri();

        Configuration flink = new Configuration();
        flink.set(RestOptions.PORT, preferred(FLINK_UI_PORT));
        flink.set(RestOptions.ADDRESS, "127.0.0.1");
        flink.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironmentWithWebUI(flink);
        env.setParallelism(2);
        CandleJob.production(config).build(env);
        JobClient job = env.executeAsync("candleflow (local)");
        started.add(() -> job.cancel().get());
        banner(config, ch, kafka, flink.get(RestOptions.PORT), args);
        return job;
    }

    private BinanceSimulator replay(LocalStackArgs args) throws IOException {
        say("Replaying " + args.replay() + " through the simulator");
        return BinanceSimulator.builder()
                .port(preferred(SIMULATOR_PORT))
                .replay(args.replay(), args.replaySpeed())
                .build()
                .start();
    }

    /** All seven venues on one simulated market; one venue trades off it, to show the rules. */
    private MarketSimulator market(LocalStackArgs args) throws IOException {
        // Start a day back so an accelerated market stays clear of the future for hours.
        long start =
                (System.currentTimeMillis() - Duration.ofDays(1).toMillis()) / 60_000L * 60_000L;
        MarketSimulator sim =
                MarketSimulator.builder()
                        .instruments(SIM_INSTRUMENTS.toArray(String[]::new))
                        .speed(args.speed())
                        .startTimeMillis(start)
                        .tradesPerSecond(3)
                        .basis(VenueId.BITSTAMP, OFF_MARKET_BASIS)
                        .historyCapacity(20_000)
                        .seed(System.nanoTime())
                        .build()
                        .start();
        say(
                "Simulated market on "
                        + sim.venues().size()
                        + " venues at "
                        + args.speed()
                        + "x real time, from event time "
                        + java.time.Instant.ofEpochMilli(start)
                        + "; bitstamp trades "
                        + OFF_MARKET_BASIS * 100
                        + " % above the others");
        return sim;
    }

    private static int preferred(int port) {
        if (FreePorts.isFree(port)) {
            return port;
        }
        int other = FreePorts.pick();
        say("Port " + port + " is taken; using " + other + " instead");
        return other;
    }

    private void banner(
            CandleJobConfig config,
            ClickHouseServer ch,
            KafkaServer kafka,
            int uiPort,
            LocalStackArgs args) {
        String db = config.clickHouse().database();
        say("");
        say("Dashboard:     " + dashboard + "  (REST API under /v1, see query-service/README.md)");
        say("Flink Web UI:  http://127.0.0.1:" + uiPort);
        say(
                "Source:        "
                        + (args.live()
                                ? "LIVE Binance (wss://stream.binance.com:9443)"
                                : "simulator " + config.endpoints().values()));
        say(
                "ClickHouse:    "
                        + ch.httpUrl()
                        + "  (JDBC "
                        + config.clickHouse().databaseUrl()
                        + ")");
        say("  latest candles, paste into a shell:");
        say(
                "  curl -s '"
                        + ch.httpUrl()
                        + "/' --data-binary \"SELECT symbol, open_time, open, high, low, close,"
                        + " volume, trade_count FROM "
                        + db
                        + ".candles FINAL ORDER BY open_time DESC, symbol LIMIT 10 FORMAT"
                        + " PrettyCompact\"");
        say(
                "Kafka:         "
                        + kafka.bootstrapServers()
                        + "  topic '"
                        + config.topics().candles()
                        + "' (read with isolation.level=read_committed)");
        say("Dead letters:  SELECT reason, count() FROM " + db + ".dead_letters GROUP BY reason");
        say("");
    }

    private synchronized void stopAll() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("[candleflow] while stopping: " + e);
            }
        }
        started.clear();
    }

    static void say(String line) {
        System.out.println("[candleflow] " + line);
    }
}
