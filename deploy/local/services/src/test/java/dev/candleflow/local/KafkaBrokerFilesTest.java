package dev.candleflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker's server.properties, JVM command line and classpath handling. */
class KafkaBrokerFilesTest {

    @TempDir Path dir;

    @Test
    void serverConfigIsASingleNodeKraftBrokerWithWorkingTransactions() {
        Properties config = new KafkaBrokerFiles(dir, 19092, 19093).serverConfig();

        assertThat(config)
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093")
                .containsEntry(
                        "listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092")
                .containsEntry("log.dirs", dir.resolve("kraft-data").toString())
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("share.coordinator.state.topic.replication.factor", "1")
                .containsEntry("share.coordinator.state.topic.min.isr", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0");
    }

    @Test
    void classpathGoesThroughAnArgfileWithAbsoluteEntriesAndThisModule() throws Exception {
        KafkaBrokerFiles files = new KafkaBrokerFiles(dir, 1, 2);
        String classpath =
                KafkaBrokerFiles.withOwnLocation(
                        "rel/a.jar" + File.pathSeparator + "/abs/with \"quote\".jar");

        files.write(classpath);
        List<String> command = files.javaCommand(List.of("-Xmx1m"), "Main", "arg");

        assertThat(classpath.split(File.pathSeparator))
                .allMatch(entry -> Path.of(entry).isAbsolute())
                .contains(Path.of("rel/a.jar").toAbsolutePath().toString())
                .anyMatch(entry -> entry.endsWith("classes") || entry.endsWith(".jar"));
        assertThat(command).endsWith("@" + dir.resolve("classpath.argfile"), "Main", "arg");
        assertThat(Files.readString(dir.resolve("classpath.argfile")))
                .startsWith("-cp \"")
                .contains("with \\\"quote\\\".jar");
        assertThat(dir.resolve("log4j2.properties")).isRegularFile();
        assertThat(files.isFormatted()).isFalse();
    }
}
