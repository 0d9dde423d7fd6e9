package dev.candleflow.cluster.testutils;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths in the repository and the artifacts the build put there for the tests. */
public final class Repo {

    private Repo() {}

    /**
     * The repository root: {@code -Dcandleflow.root}, else the nearest parent with deploy/flink.
     */
    public static Path root() {
        String configured = System.getProperty("candleflow.root");
        if (configured != null && Files.isDirectory(Path.of(configured, "deploy", "flink"))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("deploy/flink"))
                    && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException(
                "Cannot find the repository root from " + Path.of("").toAbsolutePath());
    }

    public static Path file(String relative) {
        return root().resolve(relative);
    }

    /** The Flink lib/ that deploy/flink/pom.xml resolved (the build does it in `package`). */
    public static Path flinkLib() {
        return existing(
                System.getProperty(
                        "candleflow.flink.lib",
                        root().resolve("deploy/flink/target/lib").toString()));
    }

    /** The shaded job jar, as the build copied it into deploy/cluster/target/job. */
    public static Path jobJar() {
        return existing(
                System.getProperty(
                        "candleflow.job.jar",
                        root().resolve("deploy/cluster/target/job/candle-job-flink.jar")
                                .toString()));
    }

    private static Path existing(String path) {
        Path p = Path.of(path);
        if (!Files.exists(p)) {
            throw new IllegalStateException(
                    p + " does not exist; run: mvn -B -pl deploy/cluster -am package -DskipTests");
        }
        return p;
    }
}
