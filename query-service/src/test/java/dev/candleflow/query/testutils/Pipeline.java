package dev.candleflow.query.testutils;

import dev.candleflow.job.CandleJob;
import dev.candleflow.job.config.CandleJobConfig;
import dev.candleflow.job.config.CandleJobConfigLoader;
import dev.candleflow.local.ClickHouseServer;
import dev.candleflow.local.KafkaServer;
import dev.candleflow.query.QueryService;
import dev.candleflow.query.cli.KeysCli;
import dev.candleflow.query.config.QueryServiceConfig;
import dev.candleflow.query.config.QueryServiceConfigLoader;
import dev.candleflow.simulator.BinanceSimulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The whole system once per test run: the Binance simulator (an accelerated market that started
 * eight hours ago), the real CandleJob on a local MiniCluster writing to the real ClickHouse and
 * Kafka, and the query service over them, with API keys made by KeysCli.
 *
 * <p>The simulated clock runs {@value #SPEED} times faster than the real one: it overtakes the
 * present after {@link #HISTORY} / {@value #SPEED} of real time, and once it is an hour ahead Kafka
 * rejects the job's candles (timestamps more than {@code log.message.timestamp.after.max.ms}, one
 * hour by default, in the future) and the job fails. Eight hours of history give the whole IT run
 * four and a half minutes (8 h / 120 + 1 h / 120); three hours (two minutes) became too few as the
 * suite grew.
 */
public final class Pipeline implements AutoCloseable {

    public static final String DATABASE = "qs_it";
    static final Duration HISTORY = Duration.ofHours(8);
    static final int SPEED = 120;
    public static final List<String> SYMBOLS = List.of("BTC-USDT", "ETH-USDT", "SOL-USDT");

    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, String> keys = new LinkedHashMap<>();
    private ClickHouseServer clickHouse;
    private KafkaServer kafka;
    private QueryService service;
    private Map<String, String> serviceSettings;

    static Pipeline start(ClickHouseServer ch, KafkaServer kafka) throws Exception {
        Pipeline p = new Pipeline();
        p.clickHouse = ch;
        p.kafka = kafka;
        try {
            p.startJob();
            Fixtures.awaitCandles(ch, DATABASE, 20, Duration.ofSeconds(150));
            Fixtures.addMissingConsolidationRows(ch, DATABASE);
            p.startService();
            p.createKeys();
            return p;
        } catch (Exception | Error e) {
            p.close();
            throw e;
        }
    }

    private void startJob() throws Exception {
        long start = System.currentTimeMillis() / 60_000L * 60_000L - HISTORY.toMillis();
        BinanceSimulator sim =
                BinanceSimulator.builder()
                        .symbols("BTCUSDT", "ETHUSDT", "SOLUSDT")
                        .seed(11)
                        .tradesPerSecond(3)
                        .speed(SPEED)
                        .startTimeMillis(start)
                        .build()
                        .start();
        started.add(sim);
        CandleJobConfig config =
                CandleJobConfigLoader.fromMap(
                        Map.ofEntries(
                                Map.entry("symbols", String.join(",", SYMBOLS)),
                                Map.entry("source.endpoint.binance", sim.wsBaseUri().toString()),
                                Map.entry("source.reconnect.initial-backoff", "100 ms"),
                                Map.entry(
                                        "clickhouse.url",
                                        "jdbc:clickhouse://127.0.0.1:" + clickHouse.httpPort()),
                                Map.entry("clickhouse.database", DATABASE),
                                Map.entry("clickhouse.batch-interval", "200 ms"),
                                Map.entry("kafka.bootstrap-servers", kafka.bootstrapServers()),
                                Map.entry("kafka.transaction-timeout", "60 s"),
                                Map.entry("kafka.transactional-id-prefix", "qs-it"),
                                Map.entry("checkpoint.interval", "1 s"),
                                Map.entry("watermark.out-of-orderness", "2 s"),
                                Map.entry("watermark.idleness", "3 s")));
        CandleJob.prepareStorage(config);
        Configuration flink = new Configuration();
        flink.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        flink.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(2, flink);
        CandleJob.production(config).build(env);
        JobClient job = env.executeAsync("query-service-it");
        started.add(() -> job.cancel().get());
    }

    private void startService() {
        serviceSettings = new LinkedHashMap<>();
        serviceSettings.put("port", "0");
        serviceSettings.put(
                "clickhouse.url", "jdbc:clickhouse://127.0.0.1:" + clickHouse.httpPort());
        serviceSettings.put("clickhouse.database", DATABASE);
        serviceSettings.put("kafka.bootstrap-servers", kafka.bootstrapServers());
        serviceSettings.put("auth.key-cache-ttl", "300 ms");
        serviceSettings.put("cache.ttl", "1 s");
        serviceSettings.put("cache.catalog-ttl", "2 s");
        serviceSettings.put("stream.client-buffer", "16");
        serviceSettings.put("stream.keepalive", "2 s");
        service = QueryService.start(QueryServiceConfigLoader.fromMap(serviceSettings));
        started.add(service);
    }

    private void createKeys() {
        keys.put("contract", createKey("contract", "read,stream", 100_000, 10_000));
        keys.put("load", createKey("load", "read,stream", 10_000_000, 1_000_000));
        keys.put("flood", createKey("flood", "read,stream", 60, 10));
        keys.put("other", createKey("other", "read,stream", 600, 100));
        keys.put("readonly", createKey("readonly", "read", 600, 100));
        keys.put("browser", createKey("browser", "read,stream", 100_000, 10_000));
    }

    /** Creates a key with KeysCli, as a person would, and returns the printed key. */
    public String createKey(String name, String scopes, int perMinute, int burst) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "create",
                                "--name",
                                name,
                                "--scopes",
                                scopes,
                                "--rate-per-minute",
                                Integer.toString(perMinute),
                                "--burst",
                                Integer.toString(burst)));
        String[] lines = cli(args).strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    /** Runs KeysCli against this run's ClickHouse; fails unless it exits 0. */
    public String cli(List<String> args) {
        List<String> all = new ArrayList<>(args);
        all.addAll(
                List.of(
                        "--clickhouse.url",
                        serviceSettings.get("clickhouse.url"),
                        "--clickhouse.database",
                        DATABASE));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc =
                KeysCli.run(
                        all.toArray(String[]::new),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new AssertionError(
                    "KeysCli "
                            + args
                            + " exited "
                            + rc
                            + ": "
                            + err.toString(StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    public String key(String name) {
        return keys.get(name);
    }

    public URI uri() {
        return service.uri();
    }

    public ClickHouseServer clickHouse() {
        return clickHouse;
    }

    public KafkaServer kafka() {
        return kafka;
    }

    /** The settings the service runs with, for tests that start a second one. */
    public Map<String, String> serviceSettings() {
        return new LinkedHashMap<>(serviceSettings);
    }

    public QueryServiceConfig serviceConfig(Map<String, String> overrides) {
        Map<String, String> s = serviceSettings();
        s.putAll(overrides);
        return QueryServiceConfigLoader.fromMap(s);
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("Pipeline: while stopping: " + e);
            }
        }
        started.clear();
    }
}
