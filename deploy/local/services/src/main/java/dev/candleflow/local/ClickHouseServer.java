package dev.candleflow.local;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real ClickHouse server (chDB's engine run by {@code chcmd}) listening on 127.0.0.1, HTTP and
 * native TCP, stopped by closing its stdin; it also stops when this JVM dies.
 *
 * <pre>{@code
 * try (ClickHouseServer ch = ClickHouseServer.start(dir)) {
 *     ch.execute("CREATE DATABASE IF NOT EXISTS market ENGINE = Atomic");
 *     Connection c = DriverManager.getConnection(ch.jdbcUrl("market"), "default", "");
 * }
 * }</pre>
 *
 * <p>Use an explicit Atomic database such as {@code market}: in this mode {@code default} resolves
 * bare table names to files. clickhouse-jdbc needs user {@value #USER} and an explicit empty
 * password.
 */
public final class ClickHouseServer implements AutoCloseable {

    public static final String USER = "default";
    public static final String PASSWORD = "";
    public static final String LOG_FILE = "clickhouse-server.log";

    private static final Logger LOG = LoggerFactory.getLogger(ClickHouseServer.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final int START_ATTEMPTS_WITH_FREE_PORTS = 3;
    // Listeners only start through chdb_query_cmdline; the file() query then blocks until EOF.
    private static final String SERVE_UNTIL_STDIN_CLOSES =
            "SYSTEM START LISTEN HTTP; SYSTEM START LISTEN TCP; SELECT count() FROM"
                    + " file('/dev/stdin','LineAsString')";

    private final Path dataDir;
    private final int httpPort;
    private final int tcpPort;
    private final ManagedProcess process;

    private ClickHouseServer(Path dataDir, int httpPort, int tcpPort, ManagedProcess process) {
        this.dataDir = dataDir;
        this.httpPort = httpPort;
        this.tcpPort = tcpPort;
        this.process = process;
    }

    /** Starts a server on free ports with its data (and log) in {@code dataDir}. */
    public static ClickHouseServer start(Path dataDir) throws IOException {
        return start(dataDir, 0, 0);
    }

    /**
     * Starts a server with its data (and log) in {@code dataDir}, installing chDB first if needed.
     * A port of 0 means a free one; with fixed ports a taken port fails the start.
     */
    public static ClickHouseServer start(Path dataDir, int httpPort, int tcpPort)
            throws IOException {
        FreePorts.requireFree("ClickHouse HTTP", httpPort);
        FreePorts.requireFree("ClickHouse TCP", tcpPort);
        Path chcmd = ChdbInstallation.fromEnvironment().ensureInstalled();
        Path dir = dataDir.toAbsolutePath();
        Files.createDirectories(dir);
        boolean freePorts = httpPort == 0 || tcpPort == 0;
        int attempts = freePorts ? START_ATTEMPTS_WITH_FREE_PORTS : 1;
        for (int attempt = 1; ; attempt++) {
            int http = httpPort != 0 ? httpPort : FreePorts.pick();
            int tcp = tcpPort != 0 ? tcpPort : FreePorts.pickOtherThan(http);
            try {
                return launch(chcmd, dir, http, tcp);
            } catch (IOException e) {
                if (attempt >= attempts || e instanceof InterruptedIOException) {
                    throw e;
                }
                LOG.warn(
                        "ClickHouse did not start on ports {}/{} (attempt {}), retrying",
                        http,
                        tcp,
                        attempt,
                        e);
            }
        }
    }

    private static ClickHouseServer launch(Path chcmd, Path dir, int httpPort, int tcpPort)
            throws IOException {
        List<String> command =
                List.of(
                        chcmd.toString(),
                        "--path=" + dir,
                        "--http_port=" + httpPort,
                        "--tcp_port=" + tcpPort,
                        "--listen_host=127.0.0.1",
                        "--query",
                        SERVE_UNTIL_STDIN_CLOSES);
        long started = System.nanoTime();
        Path log = dir.resolve(LOG_FILE);
        ManagedProcess process = ManagedProcess.start("ClickHouse", command, dir, log);
        ClickHouseServer server = new ClickHouseServer(dir, httpPort, tcpPort, process);
        try {
            process.awaitReady(READY_TIMEOUT, server::ping, log);
        } catch (IOException | RuntimeException e) {
            process.stop(ManagedProcess.StopSignal.CLOSE_STDIN, STOP_GRACE);
            throw e;
        }
        LOG.info(
                "ClickHouse ready on {} (tcp {}) in {} ms, data {}",
                server.httpUrl(),
                tcpPort,
                (System.nanoTime() - started) / 1_000_000,
                dir);
        return server;
    }

    private boolean ping() throws IOException {
        HttpURLConnection connection = open("/ping", Duration.ofSeconds(1));
        try {
            return connection.getResponseCode() == 200 && readBody(connection).startsWith("Ok");
        } finally {
            connection.disconnect();
        }
    }

    /**
     * Runs one SQL statement over HTTP as user {@value #USER} and returns the response body
     * (TabSeparated unless the statement says otherwise).
     */
    public String execute(String sql) throws IOException {
        HttpURLConnection connection =
                open(
                        "/?user=" + USER + "&password=" + URLEncoder.encode(PASSWORD, UTF_8),
                        REQUEST_TIMEOUT);
        try {
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(sql.getBytes(UTF_8));
            }
            int status = connection.getResponseCode();
            String body = readBody(connection);
            if (status != 200) {
                throw new IOException(
                        "ClickHouse answered HTTP " + status + " to [" + sql + "]: " + body.trim());
            }
            return body;
        } finally {
            connection.disconnect();
        }
    }

    /**
     * A request with {@code Connection: close}: on shutdown the server waits about 5 s for idle
     * keep-alive connections, and java.net.http cannot send that header on Java 17.
     */
    private HttpURLConnection open(String pathAndQuery, Duration timeout) throws IOException {
        URL url = URI.create(httpUrl() + pathAndQuery).toURL();
        HttpURLConnection connection = (HttpURLConnection) url.openConnection(Proxy.NO_PROXY);
        connection.setConnectTimeout(2000);
        connection.setReadTimeout((int) timeout.toMillis());
        connection.setRequestProperty("Connection", "close");
        return connection;
    }

    private static String readBody(HttpURLConnection connection) throws IOException {
        InputStream in =
                connection.getResponseCode() < 400
                        ? connection.getInputStream()
                        : connection.getErrorStream();
        if (in == null) {
            return "";
        }
        try (in) {
            return new String(in.readAllBytes(), UTF_8);
        }
    }

    public int httpPort() {
        return httpPort;
    }

    public int tcpPort() {
        return tcpPort;
    }

    /** {@code http://127.0.0.1:<httpPort>} */
    public String httpUrl() {
        return "http://" + FreePorts.HOST + ":" + httpPort;
    }

    /** {@code jdbc:clickhouse://127.0.0.1:<httpPort>/<database>} */
    public String jdbcUrl(String database) {
        return "jdbc:clickhouse://" + FreePorts.HOST + ":" + httpPort + "/" + database;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logFile() {
        return process.logFile();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** Closes the server's stdin, waits up to 10 s, then kills it. Idempotent. */
    @Override
    public void close() {
        process.stop(ManagedProcess.StopSignal.CLOSE_STDIN, STOP_GRACE);
    }

    @Override
    public String toString() {
        return "ClickHouseServer[" + httpUrl() + ", tcp " + tcpPort + ", pid " + pid() + "]";
    }
}
