package dev.candleflow.local;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft Kafka broker (combined broker+controller) in its own JVM on 127.0.0.1;
 * transactions work. It stops on {@link #close()} and when this JVM dies.
 *
 * <pre>{@code
 * try (KafkaServer kafka = KafkaServer.start(dir)) {
 *     kafka.createTopic("candles", 3);
 *     props.put("bootstrap.servers", kafka.bootstrapServers());
 * }
 * }</pre>
 *
 * <p>The broker JVM's classpath is this JVM's own {@code java.class.path} unless one is passed:
 * local-services depends on {@code kafka_2.13}, so whoever has it on the classpath can launch a
 * broker. Its logs go to {@code server.log} in the data dir.
 */
public final class KafkaServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaServer.class);
    private static final List<String> BROKER_JVM = List.of("-Xms128m", "-Xmx512m");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    private static final int START_ATTEMPTS_WITH_FREE_PORTS = 3;

    private final KafkaBrokerFiles files;
    private final int port;
    private final ManagedProcess process;
    private Admin admin; // guarded by this

    private KafkaServer(KafkaBrokerFiles files, int port, ManagedProcess process) {
        this.files = files;
        this.port = port;
        this.process = process;
    }

    /** Starts a broker on free ports, with data and logs in {@code dataDir}. */
    public static KafkaServer start(Path dataDir) throws IOException {
        return start(dataDir, 0, 0, null);
    }

    /**
     * Starts a broker with data and logs in {@code dataDir} (formatted on first use, reused after
     * that). A port of 0 means a free one; {@code classpath} null means this JVM's classpath.
     */
    public static KafkaServer start(Path dataDir, int port, int controllerPort, String classpath)
            throws IOException {
        FreePorts.requireFree("Kafka", port);
        FreePorts.requireFree("Kafka controller", controllerPort);
        Path dir = dataDir.toAbsolutePath();
        Files.createDirectories(dir);
        String cp =
                classpath != null
                        ? KafkaBrokerFiles.withOwnLocation(classpath)
                        : KafkaBrokerFiles.defaultClasspath();
        int attempts = port == 0 || controllerPort == 0 ? START_ATTEMPTS_WITH_FREE_PORTS : 1;
        for (int attempt = 1; ; attempt++) {
            int broker = port != 0 ? port : FreePorts.pick();
            int controller = controllerPort != 0 ? controllerPort : FreePorts.pickOtherThan(broker);
            try {
                return launch(new KafkaBrokerFiles(dir, broker, controller), cp);
            } catch (IOException e) {
                if (attempt >= attempts || e instanceof InterruptedIOException) {
                    throw e;
                }
                LOG.warn(
                        "Kafka did not start on ports {}/{} (attempt {}), retrying",
                        broker,
                        controller,
                        attempt,
                        e);
            }
        }
    }

    private static KafkaServer launch(KafkaBrokerFiles files, String classpath) throws IOException {
        long started = System.nanoTime();
        files.write(classpath);
        List<String> args = new ArrayList<>();
        if (!files.isFormatted()) {
            args.addAll(List.of(KafkaBrokerMain.FORMAT, Uuid.randomUuid().toString()));
        }
        args.add(files.serverProperties().toString());
        List<String> command =
                files.javaCommand(
                        BROKER_JVM, KafkaBrokerMain.class.getName(), args.toArray(String[]::new));
        Path consoleLog = files.dataDir().resolve("kafka-console.log");
        ManagedProcess process =
                ManagedProcess.start("Kafka", command, files.dataDir(), consoleLog);
        KafkaServer server = new KafkaServer(files, files.brokerPort(), process);
        try {
            process.awaitReady(READY_TIMEOUT, server::answers, consoleLog, files.serverLog());
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        LOG.info(
                "Kafka ready on {} in {} ms, data {}",
                server.bootstrapServers(),
                (System.nanoTime() - started) / 1_000_000,
                files.dataDir());
        return server;
    }

    private boolean answers() throws Exception {
        if (!FreePorts.isListening(port)) {
            return false;
        }
        Collection<Node> nodes =
                admin().describeCluster(new DescribeClusterOptions().timeoutMs(2000))
                        .nodes()
                        .get(3, TimeUnit.SECONDS);
        return !nodes.isEmpty();
    }

    /** {@code 127.0.0.1:<port>} for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return FreePorts.HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    /** Creates a topic with replication factor 1; does nothing if it already exists. */
    public void createTopic(String name, int partitions) throws IOException {
        try {
            admin().createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
                    .all()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("Created topic {} with {} partitions", name, partitions);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IOException("Cannot create topic " + name + " on " + this, e.getCause());
            }
            LOG.debug("Topic {} already exists", name);
        } catch (TimeoutException e) {
            throw new IOException("Timed out creating topic " + name + " on " + this, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ManagedProcess.interrupted("Interrupted while creating topic " + name, e);
        }
    }

    public Path dataDir() {
        return files.dataDir();
    }

    /** The broker's own log (log4j2), {@code server.log} in the data dir. */
    public Path logFile() {
        return files.serverLog();
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

    private synchronized Admin admin() {
        if (admin == null) {
            admin =
                    Admin.create(
                            Map.of(
                                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                    bootstrapServers(),
                                    AdminClientConfig.CLIENT_ID_CONFIG,
                                    "candleflow-local-services",
                                    AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG,
                                    500));
        }
        return admin;
    }

    private synchronized void closeAdmin() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
    }

    /** SIGTERM, up to 15 s for a clean shutdown, then SIGKILL. Idempotent. */
    @Override
    public void close() {
        closeAdmin();
        process.stop(ManagedProcess.StopSignal.SIGTERM, STOP_GRACE);
    }

    @Override
    public String toString() {
        return "KafkaServer[" + bootstrapServers() + ", pid " + pid() + "]";
    }
}
