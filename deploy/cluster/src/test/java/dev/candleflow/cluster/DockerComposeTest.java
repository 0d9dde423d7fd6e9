package dev.candleflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candleflow.cluster.testutils.FlinkOptionKeys;
import dev.candleflow.cluster.testutils.Poms;
import dev.candleflow.cluster.testutils.QueryServiceKeys;
import dev.candleflow.cluster.testutils.Repo;
import dev.candleflow.cluster.testutils.Yaml;
import dev.candleflow.job.config.CandleJobConfig;
import dev.candleflow.job.config.CandleJobConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml without Docker: it parses, what it mounts and builds exists, and services,
 * ports and the job's and query service's arguments agree with each other and with the code.
 */
class DockerComposeTest {

    static JsonNode services;

    @BeforeAll
    static void read() throws Exception {
        services = Yaml.read("docker-compose.yml").path("services");
    }

    @Test
    void theStackIsComplete() {
        assertThat(names(services))
                .containsExactlyInAnyOrder(
                        "kafka",
                        "kafka-topics",
                        "clickhouse",
                        "flink-data-init",
                        "jobmanager",
                        "taskmanager",
                        "query-service",
                        "prometheus",
                        "grafana");
        services.properties()
                .forEach(s -> assertThat(s.getValue().has("image")).as(s.getKey()).isTrue());
    }

    @Test
    void everyMountedFileAndBuildInputExists() throws Exception {
        String shadedJar =
                "./jobs/candle-job/target/candle-job-" + Poms.projectVersion() + "-flink.jar";
        for (var s : services.properties()) {
            for (JsonNode v : s.getValue().path("volumes")) {
                String source = v.asText().split(":")[0];
                if (source.equals(shadedJar)) {
                    continue; // the job jar: built by `package` (jobs/candle-job's shade plugin)
                }
                if (source.startsWith("./")) {
                    assertThat(Repo.file(source.substring(2)))
                            .as(s.getKey() + " mounts " + source)
                            .exists();
                } else {
                    assertThat(Yaml.read("docker-compose.yml").path("volumes").has(source))
                            .as(s.getKey() + " uses named volume " + source)
                            .isTrue();
                }
            }
        }
        assertThat(mountSource("jobmanager", "/opt/flink/usrlib/candle-job.jar"))
                .isEqualTo(shadedJar);
        assertThat(mountSource("taskmanager", "/opt/flink/usrlib/candle-job.jar"))
                .isEqualTo(shadedJar);
        JsonNode build = services.path("query-service").path("build");
        assertThat(build.path("context").asText()).isEqualTo("./query-service/target");
        Path dockerfile =
                Repo.file("query-service/target")
                        .resolve(build.path("dockerfile").asText())
                        .normalize();
        assertThat(dockerfile)
                .isEqualTo(Repo.file("deploy/k8s/images/query-service.Dockerfile"))
                .exists();
        assertThat(Files.readString(dockerfile))
                .contains("COPY query-service-" + Poms.projectVersion() + ".jar ")
                .contains("COPY lib/ ")
                .contains("dev.candleflow.query.QueryService");
    }

    @Test
    void flinkRunsTheProjectsVersionWithSettingsFlinkKnows() throws Exception {
        String image = "flink:" + Poms.property("flink.version") + "-java17";
        for (String s : List.of("jobmanager", "taskmanager", "flink-data-init")) {
            assertThat(services.path(s).path("image").asText()).as(s).isEqualTo(image);
        }
        String jm =
                services.path("jobmanager").path("environment").path("FLINK_PROPERTIES").asText();
        String tm =
                services.path("taskmanager").path("environment").path("FLINK_PROPERTIES").asText();
        assertThat(tm).isEqualTo(jm);
        Map<String, String> flink = Yaml.flatLines(jm);
        assertThat(FlinkOptionKeys.unknown(flink.keySet())).isEmpty();
        assertThat(flink.get("jobmanager.rpc.address")).isEqualTo("jobmanager");
        assertThat(flink.get("execution.checkpointing.dir")).startsWith("file:///flink-data/");
        assertThat(flink.get("execution.checkpointing.savepoint-dir"))
                .startsWith("file:///flink-data/");
        assertThat(mountSource("jobmanager", "/flink-data")).isEqualTo("flink-data");
        assertThat(mountSource("taskmanager", "/flink-data")).isEqualTo("flink-data");
        // the same restart strategy and reporter as the standalone cluster's template
        Map<String, String> template = FlinkConfigFile.template().entries();
        template.forEach(
                (k, v) -> {
                    if (k.startsWith("restart-strategy.")
                            || k.equals("metrics.reporter.prom.factory.class")) {
                        assertThat(flink.get(k)).as(k).isEqualTo(v);
                    }
                });
        JsonNode scrape =
                Yaml.read("deploy/monitoring/prometheus/prometheus.yml")
                        .path("scrape_configs")
                        .get(0);
        assertThat(scrape.path("dns_sd_configs").get(0).path("port").asText())
                .isEqualTo(flink.get("metrics.reporter.prom.port"));
        scrape.path("dns_sd_configs")
                .get(0)
                .path("names")
                .forEach(n -> assertThat(services.has(n.asText())).isTrue());
    }

    @Test
    void theJobRunsInApplicationModeAgainstTheComposeServices() throws Exception {
        List<String> command = strings(services.path("jobmanager").path("command"));
        assertThat(command.subList(0, 3))
                .containsExactly(
                        "standalone-job", "--job-classname", "dev.candleflow.job.CandleJob");
        Class.forName(
                command.get(2), false, getClass().getClassLoader()); // exists; not initialized
        List<String> args = command.subList(3, command.size());
        CandleJobConfig config = CandleJobConfigLoader.fromArgs(args.toArray(String[]::new));

        assertThat(config.clickHouse().url())
                .isEqualTo("jdbc:clickhouse://clickhouse:" + containerPort("clickhouse", "18123"));
        assertThat(config.clickHouse().password())
                .isEqualTo(
                        services.path("clickhouse")
                                .path("environment")
                                .path("CLICKHOUSE_PASSWORD")
                                .asText());
        assertThat(
                        services.path("kafka")
                                .path("environment")
                                .path("KAFKA_ADVERTISED_LISTENERS")
                                .asText())
                .contains("//" + config.kafkaBootstrapServers());
        String topicsScript = Files.readString(Repo.file("deploy/kafka/create-topics.sh"));
        for (String topic :
                List.of(
                        config.topics().candles(),
                        config.topics().live(),
                        config.topics().outliers(),
                        config.topics().deadLetters())) {
            assertThat(topicsScript).contains("\ncreate " + topic + " ");
        }
        assertThat(strings(services.path("kafka-topics").path("entrypoint")))
                .contains("/candleflow/create-topics.sh", config.kafkaBootstrapServers());
    }

    @Test
    void theQueryServiceReadsWhatTheJobWrites() throws Exception {
        List<String> jobArgs = strings(services.path("jobmanager").path("command"));
        CandleJobConfig job =
                CandleJobConfigLoader.fromArgs(
                        jobArgs.subList(3, jobArgs.size()).toArray(String[]::new));
        Map<String, String> qs = pairs(strings(services.path("query-service").path("command")));
        assertThat(qs.keySet()).isSubsetOf(QueryServiceKeys.all());
        assertThat(qs.get("host")).isEqualTo("0.0.0.0");
        assertThat(qs.get("clickhouse.url")).isEqualTo(job.clickHouse().url());
        assertThat(qs.get("clickhouse.password")).isEqualTo(job.clickHouse().password());
        assertThat(qs.get("kafka.bootstrap-servers")).isEqualTo(job.kafkaBootstrapServers());
        assertThat(qs.getOrDefault("kafka.topic.candles", "candles"))
                .isEqualTo(job.topics().candles());
        assertThat(qs.getOrDefault("kafka.topic.live", "candles.live"))
                .isEqualTo(job.topics().live());
        assertThat(containerPort("query-service", "8088")).isEqualTo(qs.get("port"));
        JsonNode scrape =
                Yaml.read("deploy/monitoring/prometheus/prometheus.yml")
                        .path("scrape_configs")
                        .get(1);
        assertThat(scrape.path("static_configs").get(0).path("targets").get(0).asText())
                .isEqualTo("query-service:" + qs.get("port"));
    }

    @Test
    void prometheusAndGrafanaLoadTheMonitoringFiles() throws Exception {
        assertThat(mountSource("prometheus", "/etc/prometheus"))
                .isEqualTo("./deploy/monitoring/prometheus");
        JsonNode prometheus = Yaml.read("deploy/monitoring/prometheus/prometheus.yml");
        for (JsonNode rules : prometheus.path("rule_files")) {
            assertThat(rules.asText()).startsWith("/etc/prometheus/");
            assertThat(
                            Repo.file("deploy/monitoring/prometheus")
                                    .resolve(rules.asText().substring("/etc/prometheus/".length())))
                    .exists();
        }
        assertThat(mountSource("grafana", "/etc/grafana/provisioning"))
                .isEqualTo("./deploy/monitoring/grafana/provisioning");
        assertThat(mountSource("grafana", "/var/lib/grafana/dashboards"))
                .isEqualTo("./deploy/monitoring/grafana/dashboards");
        JsonNode ds =
                Yaml.read("deploy/monitoring/grafana/provisioning/datasources/prometheus.yml")
                        .path("datasources")
                        .get(0);
        assertThat(ds.path("url").asText())
                .isEqualTo("http://prometheus:" + containerPort("prometheus", "9090"));
        JsonNode provider =
                Yaml.read("deploy/monitoring/grafana/provisioning/dashboards/candleflow.yml")
                        .path("providers")
                        .get(0);
        assertThat(provider.path("options").path("path").asText())
                .isEqualTo("/var/lib/grafana/dashboards");
        String home =
                services.path("grafana")
                        .path("environment")
                        .path("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH")
                        .asText();
        assertThat(
                        Repo.file("deploy/monitoring/grafana/dashboards")
                                .resolve(Path.of(home).getFileName()))
                .exists();
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** The source of the volume of {@code service} mounted at {@code target}. */
    static String mountSource(String service, String target) {
        for (JsonNode v : services.path(service).path("volumes")) {
            String[] parts = v.asText().split(":");
            if (parts[1].equals(target)) {
                return parts[0];
            }
        }
        throw new AssertionError(service + " mounts nothing at " + target);
    }

    /** The container port published on {@code hostPort}. */
    static String containerPort(String service, String hostPort) {
        for (JsonNode p : services.path(service).path("ports")) {
            String[] parts = p.asText().split(":");
            if (parts[0].equals(hostPort)) {
                return parts[1];
            }
        }
        throw new AssertionError(service + " publishes nothing on " + hostPort);
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** {@code --key value} pairs (the job's and the query service's argument form). */
    static Map<String, String> pairs(List<String> args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            assertThat(args.get(i)).startsWith("--");
            out.put(args.get(i).substring(2), args.get(i + 1));
        }
        assertThat(args.size() % 2).as("arguments come in pairs: " + args).isZero();
        return out;
    }
}
