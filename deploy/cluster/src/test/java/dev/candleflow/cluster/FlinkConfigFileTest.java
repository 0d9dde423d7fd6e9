package dev.candleflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candleflow.cluster.StandaloneClusterBuilder.ClusterSpec;
import dev.candleflow.cluster.testutils.FlinkOptionKeys;
import dev.candleflow.cluster.testutils.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config.yaml template and its rendering, read back by Flink's own parser. */
class FlinkConfigFileTest {

    @TempDir Path dir;

    @Test
    void theRenderedTemplateIsWhatFlinkReads() throws Exception {
        // unit tests run before the build resolves Flink's lib/: a stand-in jar suffices here
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Files.createFile(lib.resolve("flink-runtime-2.2.1.jar"));
        ClusterSpec spec =
                StandaloneCluster.builder()
                        .libDir(lib)
                        .workDir(dir)
                        .slotsPerTaskManager(3)
                        .set("heartbeat.interval", "1 s")
                        .set("pipeline.generic-types", "false")
                        .sanityCheck();
        ClusterLayout layout = new ClusterLayout(dir);
        layout.render(spec, 18081, 16123).write(layout.confDir().resolve("config.yaml"));

        Configuration c = GlobalConfiguration.loadConfiguration(layout.confDir().toString());
        assertThat(c.get(RestOptions.PORT)).isEqualTo(18081);
        assertThat(c.getString("jobmanager.rpc.port", null)).isEqualTo("16123");
        assertThat(c.getString("taskmanager.numberOfTaskSlots", null)).isEqualTo("3");
        assertThat(c.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY))
                .isEqualTo(dir.resolve("checkpoints").toUri().toString());
        assertThat(c.get(CheckpointingOptions.SAVEPOINT_DIRECTORY))
                .isEqualTo(dir.resolve("savepoints").toUri().toString());
        assertThat(c.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("hashmap");
        assertThat(c.get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("exponential-delay");
        assertThat(c.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF))
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(c.getString("metrics.reporter.prom.factory.class", null))
                .isEqualTo("org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
        assertThat(c.getString("heartbeat.interval", null)).isEqualTo("1 s");
        assertThat(c.getString("pipeline.generic-types", null)).isEqualTo("false");
    }

    @Test
    void theTemplateIsThePackagedOneAndUsesOnlyKeysFlinkKnows() throws Exception {
        String packaged = FlinkConfigFile.resource(FlinkConfigFile.TEMPLATE);
        assertThat(packaged)
                .isEqualTo(Files.readString(Repo.file("deploy/flink/conf/config.yaml")));
        Map<String, String> entries = FlinkConfigFile.template().entries();
        assertThat(entries)
                .containsKeys("rest.port", "execution.checkpointing.dir", "restart-strategy.type");
        assertThat(FlinkOptionKeys.unknown(entries.keySet()))
                .as("keys Flink would ignore")
                .isEmpty();
        // the per-cluster keys the launcher replaces are in the template, so it never appends them
        for (String key :
                new String[] {
                    "jobmanager.rpc.port",
                    "rest.port",
                    "web.upload.dir",
                    "io.tmp.dirs",
                    "execution.checkpointing.savepoint-dir",
                    "taskmanager.numberOfTaskSlots"
                }) {
            assertThat(entries).containsKey(key);
        }
    }

    @Test
    void setReplacesInPlaceAppendsNewKeysAndQuotesWhatYamlWouldMisread() {
        FlinkConfigFile f = FlinkConfigFile.parse("# c\na.b: 1\nc: x\n");
        f.set("a.b", "2").set("d.e", "has: colon").set("f", "x # not a comment");
        assertThat(f.text()).startsWith("# c\na.b: 2\nc: x\n");
        assertThat(f.text()).contains("d.e: 'has: colon'\n", "f: 'x # not a comment'\n");
        assertThat(f.get("d.e")).isEqualTo("has: colon");
        assertThat(f.entries()).containsOnlyKeys("a.b", "c", "d.e", "f");
        assertThat(FlinkConfigFile.scalar("file:///tmp/x")).isEqualTo("file:///tmp/x");
        assertThat(FlinkConfigFile.scalar("it's")).isEqualTo("'it''s'");
        assertThatThrownBy(() -> f.set("bad key", "1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBuilderNamesWhatIsMissing() {
        assertThatThrownBy(() -> StandaloneCluster.builder().workDir(dir).build())
                .hasMessageContaining("libDir");
        assertThatThrownBy(() -> StandaloneCluster.builder().libDir(dir).workDir(dir).build())
                .hasMessageContaining("flink-runtime")
                .hasMessageContaining("deploy/flink/pom.xml");
    }
}
