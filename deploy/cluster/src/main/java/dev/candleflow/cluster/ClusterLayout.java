package dev.candleflow.cluster;

import dev.candleflow.cluster.StandaloneClusterBuilder.ClusterSpec;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The directories of one cluster under its work dir ({@code conf/ log/ checkpoints/ savepoints/
 * upload/ tmp/}) and its rendered {@code conf/config.yaml}.
 */
final class ClusterLayout {

    private final Path workDir;

    ClusterLayout(Path workDir) {
        this.workDir = workDir;
    }

    Path confDir() {
        return workDir.resolve("conf");
    }

    Path logDir() {
        return workDir.resolve("log");
    }

    Path checkpointDir() {
        return workDir.resolve("checkpoints");
    }

    Path savepointDir() {
        return workDir.resolve("savepoints");
    }

    Path uploadDir() {
        return workDir.resolve("upload");
    }

    Path tmpDir() {
        return workDir.resolve("tmp");
    }

    /**
     * Creates the directories and writes {@code conf/}: the template with this cluster's ports and
     * directories, then the spec's own settings. Returns the REST port.
     */
    int writeConfig(ClusterSpec spec) throws IOException {
        for (Path dir : new Path[] {confDir(), logDir(), checkpointDir(), savepointDir()}) {
            Files.createDirectories(dir);
        }
        Files.createDirectories(uploadDir());
        Files.createDirectories(tmpDir());
        int restPort = Ports.orFree(spec.restPort());
        int rpcPort = Ports.orFree(spec.rpcPort());
        requireFree("rest.port", restPort);
        requireFree("jobmanager.rpc.port", rpcPort);
        FlinkConfigFile config = render(spec, restPort, rpcPort);
        config.write(confDir().resolve("config.yaml"));
        Files.writeString(
                confDir().resolve("log4j.properties"),
                FlinkConfigFile.resource(FlinkConfigFile.LOG4J));
        return restPort;
    }

    FlinkConfigFile render(ClusterSpec spec, int restPort, int rpcPort) {
        FlinkConfigFile config =
                FlinkConfigFile.template()
                        .set("jobmanager.rpc.port", Integer.toString(rpcPort))
                        .set("rest.port", Integer.toString(restPort))
                        .set(
                                "taskmanager.numberOfTaskSlots",
                                Integer.toString(spec.slotsPerTaskManager()))
                        .set("execution.checkpointing.dir", checkpointDir().toUri().toString())
                        .set(
                                "execution.checkpointing.savepoint-dir",
                                savepointDir().toUri().toString())
                        .set("web.upload.dir", uploadDir().toString())
                        .set("io.tmp.dirs", tmpDir().toString());
        for (Map.Entry<String, String> e : spec.settings().entrySet()) {
            config.set(e.getKey(), e.getValue());
        }
        return config;
    }

    private static void requireFree(String key, int port) throws BindException {
        if (!Ports.isFree(port)) {
            throw new BindException(
                    key
                            + " "
                            + port
                            + " on "
                            + Ports.HOST
                            + " is taken by another process; stop it or choose another port");
        }
    }

    /** Deletes a directory tree; what cannot be deleted is left. */
    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover temp dir is not worth failing a test over
        }
    }
}
