package dev.candleflow.local;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Back end of {@code deploy/local/clickhouse.sh} and {@code kafka.sh}: runs one service in the
 * foreground until SIGTERM, and writes a ready file once the service answers.
 *
 * <pre>{@code
 * java -cp ... dev.candleflow.local.LocalServiceMain clickhouse --data-dir DIR --port 18123 \
 *     --second-port 19000 --ready-file DIR/ready
 * java -cp ... dev.candleflow.local.LocalServiceMain kafka --data-dir DIR --port 19092 \
 *     --second-port 19093 --ready-file DIR/ready
 * }</pre>
 *
 * <p>{@code --second-port} is ClickHouse's native TCP port or Kafka's controller port (0 or absent:
 * a free one). Exit code 2 means bad arguments, 1 that the service failed or died.
 */
public final class LocalServiceMain {

    private static final Logger LOG = LoggerFactory.getLogger(LocalServiceMain.class);
    private static final String USAGE =
            "usage: LocalServiceMain clickhouse|kafka --data-dir DIR"
                    + " [--port P] [--second-port Q] [--ready-file FILE]";

    /** The services this main can run. */
    enum Service {
        CLICKHOUSE,
        KAFKA
    }

    /** Parsed command line. */
    record Options(Service service, Path dataDir, int port, int secondPort, Path readyFile) {}

    private LocalServiceMain() {}

    public static void main(String[] args) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        try {
            run(options);
        } catch (IOException | RuntimeException e) {
            LOG.error("{} failed", options.service(), e);
            System.exit(1);
        }
    }

    static Options parse(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("missing service");
        }
        Service service = parseService(args[0]);
        Path dataDir = null;
        int port = 0;
        int secondPort = 0;
        Path readyFile = null;
        for (int i = 1; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + args[i]);
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--data-dir" -> dataDir = Paths.get(value);
                case "--port" -> port = parsePort(value);
                case "--second-port" -> secondPort = parsePort(value);
                case "--ready-file" -> readyFile = Paths.get(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (dataDir == null) {
            throw new IllegalArgumentException("--data-dir is required");
        }
        return new Options(service, dataDir, port, secondPort, readyFile);
    }

    private static Service parseService(String name) {
        try {
            return Service.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown service '" + name + "'", e);
        }
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a port: " + value, e);
        }
    }

    /** A started service: what to close, where it listens, and its process's exit. */
    private record Running(AutoCloseable server, String address, CompletableFuture<Process> exit) {}

    private static void run(Options options) throws IOException {
        Running running = start(options);
        AtomicBoolean stopping = new AtomicBoolean();
        Thread hook =
                new Thread(
                        () -> {
                            stopping.set(true);
                            closeOnShutdown(running.server());
                        },
                        "stop-" + options.service());
        Runtime.getRuntime().addShutdownHook(hook);
        writeReadyFile(options.readyFile(), running.address());
        LOG.info("{} ready at {}", options.service(), running.address());
        Process process = running.exit().join();
        if (!stopping.get()) {
            LOG.error("{} exited by itself with code {}", options.service(), process.exitValue());
            System.exit(1);
        }
    }

    private static Running start(Options options) throws IOException {
        if (options.service() == Service.CLICKHOUSE) {
            ClickHouseServer ch =
                    ClickHouseServer.start(options.dataDir(), options.port(), options.secondPort());
            return new Running(ch, ch.httpUrl() + " (tcp " + ch.tcpPort() + ")", ch.onExit());
        }
        KafkaServer kafka =
                KafkaServer.start(options.dataDir(), options.port(), options.secondPort(), null);
        return new Running(kafka, kafka.bootstrapServers(), kafka.onExit());
    }

    private static void closeOnShutdown(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            LOG.warn("Failed to stop {}", server, e);
        }
    }

    private static void writeReadyFile(Path readyFile, String address) throws IOException {
        if (readyFile == null) {
            return;
        }
        Path absolute = readyFile.toAbsolutePath();
        Path temp = Files.createTempFile(absolute.getParent(), "ready", ".tmp");
        Files.writeString(temp, address + "\n", UTF_8);
        Files.move(
                temp,
                absolute,
                StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }
}
