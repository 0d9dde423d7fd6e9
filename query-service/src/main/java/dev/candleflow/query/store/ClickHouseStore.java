package dev.candleflow.query.store;

import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.query.GenericRecord;
import com.clickhouse.client.api.query.QuerySettings;
import dev.candleflow.query.config.QueryServiceConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one connection to ClickHouse: the client API shipped in {@code clickhouse-jdbc:all}, whose
 * {@code {name:Type}} placeholders travel as server-side query parameters ({@code param_name}), so
 * no value is ever spliced into SQL text. Every failure becomes {@link StoreUnavailableException}.
 */
public final class ClickHouseStore implements AutoCloseable {

    /** The service's own migrations, applied in order; each is idempotent. */
    static final List<String> MIGRATIONS = List.of("001_create_table_api_keys.sql");

    private static final String MIGRATIONS_DIR = "/dev/candleflow/query/sql/";
    private static final Logger LOG = LoggerFactory.getLogger(ClickHouseStore.class);

    private final Client client;
    private final QueryServiceConfig.ClickHouse settings;
    private final MeterRegistry metrics;

    private ClickHouseStore(
            Client client, QueryServiceConfig.ClickHouse settings, MeterRegistry metrics) {
        this.client = client;
        this.settings = settings;
        this.metrics = metrics;
    }

    /** A client for the settings; nothing is sent until the first query. */
    public static ClickHouseStore create(
            QueryServiceConfig.ClickHouse settings, MeterRegistry metrics) {
        long timeoutMs = settings.queryTimeout().toMillis();
        Client client =
                new Client.Builder()
                        .addEndpoint(settings.endpoint().toString())
                        .setUsername(settings.user())
                        .setPassword(settings.password())
                        .setDefaultDatabase(settings.database())
                        .setConnectTimeout(2, ChronoUnit.SECONDS)
                        .setConnectionRequestTimeout(timeoutMs, ChronoUnit.MILLIS)
                        .setSocketTimeout(timeoutMs + 2000, ChronoUnit.MILLIS)
                        .setExecutionTimeout(timeoutMs + 2000, ChronoUnit.MILLIS)
                        .setMaxConnections(32)
                        .setMaxRetries(0)
                        .setClientName("candleflow-query-service")
                        .build();
        return new ClickHouseStore(client, settings, metrics);
    }

    /** Rows of a SELECT; {@code name} labels the timing metric and log lines. */
    List<GenericRecord> query(String name, String sql, Map<String, Object> params) {
        Timer.Sample sample = Timer.start(metrics);
        String outcome = "error";
        try {
            List<GenericRecord> rows = client.queryAll(sql, params, settings());
            outcome = "ok";
            return rows;
        } catch (RuntimeException e) {
            throw unavailable(name, e);
        } finally {
            sample.stop(timer(name, outcome));
        }
    }

    /** A statement without rows (INSERT ... SELECT, DDL). */
    void execute(String name, String sql, Map<String, Object> params) {
        Timer.Sample sample = Timer.start(metrics);
        String outcome = "error";
        try {
            client.execute(sql, params)
                    .get(settings.queryTimeout().toMillis() + 2000, TimeUnit.MILLISECONDS)
                    .close();
            outcome = "ok";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(name, e);
        } catch (Exception e) {
            throw unavailable(name, e);
        } finally {
            sample.stop(timer(name, outcome));
        }
    }

    /** True when the server answers {@code SELECT 1} within the timeout. */
    public boolean ping(Duration timeout) {
        return client.ping(timeout.toMillis());
    }

    /**
     * Applies the service's migrations (the api_keys table) to the configured database; fails
     * naming {@code clickhouse.url} when ClickHouse cannot be reached.
     */
    public void migrate() {
        if (!ping(Duration.ofSeconds(5))) {
            throw new IllegalStateException(
                    "clickhouse.url: no ClickHouse answered at "
                            + settings.endpoint()
                            + " (user "
                            + settings.user()
                            + ")");
        }
        for (String file : MIGRATIONS) {
            try {
                execute("migrate", resource(file), Map.of());
            } catch (StoreUnavailableException e) {
                throw new IllegalStateException(
                        "clickhouse.database: cannot apply migration "
                                + file
                                + " to database '"
                                + settings.database()
                                + "' at "
                                + settings.endpoint()
                                + " (does the database exist? the job creates it): "
                                + rootMessage(e),
                        e);
            }
            LOG.info("ClickHouse migration {} applied to {}", file, settings.database());
        }
    }

    static String resource(String file) {
        try (InputStream in = ClickHouseStore.class.getResourceAsStream(MIGRATIONS_DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("Migration " + file + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read migration " + file, e);
        }
    }

    private QuerySettings settings() {
        int seconds = (int) Math.max(1, settings.queryTimeout().toSeconds());
        return new QuerySettings().setMaxExecutionTime(seconds);
    }

    private Timer timer(String name, String outcome) {
        return Timer.builder("candleflow.clickhouse.queries")
                .description("ClickHouse queries of the query service")
                .tag("query", name)
                .tag("outcome", outcome)
                .register(metrics);
    }

    private StoreUnavailableException unavailable(String name, Exception e) {
        LOG.warn("ClickHouse query '{}' failed: {}", name, rootMessage(e));
        LOG.debug("ClickHouse query '{}' failure", name, e);
        return new StoreUnavailableException("ClickHouse query '" + name + "' failed", e);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }

    @Override
    public void close() {
        client.close();
    }
}
