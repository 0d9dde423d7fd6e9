package dev.candleflow.local;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/** What a KRaft broker JVM needs in its data dir: server.properties, log4j2 config, argfile. */
final class KafkaBrokerFiles {

    static final String SERVER_LOG = "server.log";
    private static final String LOG4J_RESOURCE = "kafka-log4j2.properties";

    private final Path dataDir;
    private final int brokerPort;
    private final int controllerPort;

    KafkaBrokerFiles(Path dataDir, int brokerPort, int controllerPort) {
        this.dataDir = dataDir;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
    }

    Path dataDir() {
        return dataDir;
    }

    int brokerPort() {
        return brokerPort;
    }

    Path logDirs() {
        return dataDir.resolve("kraft-data");
    }

    Path serverProperties() {
        return dataDir.resolve("server.properties");
    }

    Path serverLog() {
        return dataDir.resolve(SERVER_LOG);
    }

    /** True once {@code StorageTool format} ran on this data dir (a restart keeps its data). */
    boolean isFormatted() {
        return Files.isRegularFile(logDirs().resolve("meta.properties"));
    }

    /** Writes server.properties, the log4j2 config and the classpath argfile. */
    void write(String classpath) throws IOException {
        Files.createDirectories(logDirs());
        try (OutputStream out = Files.newOutputStream(serverProperties())) {
            serverConfig().store(out, "Written by dev.candleflow.local.KafkaServer");
        }
        try (InputStream in = KafkaBrokerFiles.class.getResourceAsStream(LOG4J_RESOURCE)) {
            if (in == null) {
                throw new IOException(LOG4J_RESOURCE + " is missing from the classpath");
            }
            Files.copy(in, log4jConfig(), StandardCopyOption.REPLACE_EXISTING);
        }
        // An argfile, because a test classpath can exceed Linux's 128 KiB limit per argument.
        String quoted = classpath.replace("\\", "\\\\").replace("\"", "\\\"");
        Files.writeString(classpathArgFile(), "-cp \"" + quoted + "\"\n", UTF_8);
    }

    /** Combined broker+controller, single node; the keys STACK.md §2 lists as needed. */
    Properties serverConfig() {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@" + FreePorts.HOST + ":" + controllerPort);
        p.setProperty(
                "listeners",
                "PLAINTEXT://"
                        + FreePorts.HOST
                        + ":"
                        + brokerPort
                        + ",CONTROLLER://"
                        + FreePorts.HOST
                        + ":"
                        + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + FreePorts.HOST + ":" + brokerPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.setProperty("log.dirs", logDirs().toString());
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        // Fewer internal partitions: the first consumer group / transaction starts faster.
        p.setProperty("offsets.topic.num.partitions", "4");
        p.setProperty("transaction.state.log.num.partitions", "4");
        return p;
    }

    /**
     * {@code java [jvmOptions] @argfile mainClass args}, with the logging set up in the data dir.
     */
    List<String> javaCommand(List<String> jvmOptions, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Dlog4j2.configurationFile=" + log4jConfig());
        command.add("-Dkafka.logs.dir=" + dataDir);
        command.add("-Djava.awt.headless=true");
        command.add("@" + classpathArgFile());
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    private Path log4jConfig() {
        return dataDir.resolve("log4j2.properties");
    }

    private Path classpathArgFile() {
        return dataDir.resolve("classpath.argfile");
    }

    /**
     * This JVM's classpath with absolute entries (the child runs in the data dir), plus the
     * location of this module's classes, which the broker's launcher class lives in.
     */
    static String defaultClasspath() {
        return withOwnLocation(System.getProperty("java.class.path"));
    }

    static String withOwnLocation(String classpath) {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Paths.get(entry).toAbsolutePath().toString());
            }
        }
        entries.add(ownLocation().toString());
        return String.join(File.pathSeparator, entries);
    }

    private static Path ownLocation() {
        CodeSource source = KafkaBrokerFiles.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            throw new IllegalStateException("Cannot locate the classes of local-services");
        }
        try {
            return Paths.get(source.getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Bad code source " + source.getLocation(), e);
        }
    }
}
