package dev.candleflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candleflow.cluster.testutils.FlinkOptionKeys;
import dev.candleflow.cluster.testutils.Manifests;
import dev.candleflow.cluster.testutils.Poms;
import dev.candleflow.cluster.testutils.QueryServiceKeys;
import dev.candleflow.cluster.testutils.Repo;
import dev.candleflow.cluster.testutils.Yaml;
import dev.candleflow.job.config.CandleJobConfig;
import dev.candleflow.job.config.CandleJobConfigLoader;
import dev.candleflow.job.config.CandleJobOptions;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s and deploy/kafka without a cluster: the manifests parse, carry what the operators
 * require, and agree with the job's settings, the Kafka and ClickHouse resources and each other.
 */
class KubernetesManifestsTest {

    static final String FLINK = "deploy/k8s/flink-deployment.yaml";

    @Test
    void theFlinkDeploymentIsCompleteAndRunsTheJobInApplicationMode() throws Exception {
        JsonNode d = Manifests.single(FLINK, "FlinkDeployment");
        assertThat(d.path("apiVersion").asText()).isEqualTo("flink.apache.org/v1beta1");
        JsonNode spec = d.path("spec");
        String flinkVersion = Poms.property("flink.version");
        assertThat(spec.path("flinkVersion").asText())
                .isEqualTo(
                        "v"
                                + flinkVersion
                                        .substring(0, flinkVersion.lastIndexOf('.'))
                                        .replace('.', '_'));
        assertThat(spec.path("image").asText()).isNotBlank();
        assertThat(spec.path("serviceAccount").asText())
                .isEqualTo(
                        Manifests.single("deploy/k8s/rbac.yaml", "ServiceAccount")
                                .path("metadata")
                                .path("name")
                                .asText());
        for (String role : List.of("jobManager", "taskManager")) {
            assertThat(spec.path(role).path("resource").path("memory").asText())
                    .as(role)
                    .isNotBlank();
            assertThat(spec.path(role).path("resource").path("cpu").asDouble())
                    .as(role)
                    .isPositive();
        }
        JsonNode job = spec.path("job");
        assertThat(job.path("entryClass").asText()).isEqualTo("dev.candleflow.job.CandleJob");
        Class.forName(job.path("entryClass").asText(), false, getClass().getClassLoader());
        assertThat(job.path("upgradeMode").asText()).isEqualTo("savepoint");
        assertThat(job.path("state").asText()).isEqualTo("running");
        assertThat(job.path("parallelism").asInt()).isPositive();
        String dockerfile = Files.readString(Repo.file("deploy/k8s/images/candle-job.Dockerfile"));
        assertThat(dockerfile)
                .contains("FROM flink:" + flinkVersion + "-java17")
                .contains(
                        "candle-job-"
                                + Poms.projectVersion()
                                + "-flink.jar "
                                + job.path("jarURI").asText().substring("local://".length()));
    }

    @Test
    void flinkIsConfiguredForObjectStorageHaAndMetrics() throws Exception {
        JsonNode spec = Manifests.single(FLINK, "FlinkDeployment").path("spec");
        Map<String, String> conf = new TreeMap<>();
        spec.path("flinkConfiguration")
                .properties()
                .forEach(e -> conf.put(e.getKey(), e.getValue().asText()));
        assertThat(FlinkOptionKeys.unknown(conf.keySet())).as("keys Flink would ignore").isEmpty();
        assertThat(conf.get("execution.checkpointing.dir")).startsWith("s3://");
        assertThat(conf.get("execution.checkpointing.savepoint-dir")).startsWith("s3://");
        assertThat(conf.get("high-availability.type")).isEqualTo("kubernetes");
        assertThat(conf.get("high-availability.storageDir")).startsWith("s3://");
        assertThat(conf.get("state.backend.type")).isIn("hashmap", "rocksdb");
        FlinkConfigFile.template()
                .entries()
                .forEach(
                        (k, v) -> {
                            if (k.startsWith("restart-strategy.")
                                    || k.equals("metrics.reporter.prom.factory.class")) {
                                assertThat(conf.get(k)).as(k).isEqualTo(v);
                            }
                        });
        JsonNode container = spec.path("podTemplate").path("spec").path("containers").get(0);
        assertThat(container.path("name").asText()).isEqualTo("flink-main-container");
        assertThat(Manifests.portNamed(container, "metrics"))
                .isEqualTo(conf.get("metrics.reporter.prom.port"));
        assertThat(Manifests.env(container).get("ENABLE_BUILT_IN_PLUGINS"))
                .isEqualTo("flink-s3-fs-presto-" + Poms.property("flink.version") + ".jar");
    }

    @Test
    void theJobsArgumentsAreValidAndPointAtTheKafkaAndClickHouseResources() throws Exception {
        JsonNode spec = Manifests.single(FLINK, "FlinkDeployment").path("spec");
        List<String> args = new ArrayList<>();
        spec.path("job").path("args").forEach(a -> args.add(a.asText()));
        assertThat(args.subList(0, 2).get(0)).isEqualTo("--config");
        String confFile = args.get(1);
        Map<String, String> settings =
                new LinkedHashMap<>(
                        Manifests.secretFile(
                                Manifests.mountedSecret(spec, confFile),
                                Manifests.fileName(confFile)));
        settings.putAll(DockerComposeTest.pairs(args.subList(2, args.size())));
        CandleJobConfig config = CandleJobConfigLoader.fromMap(settings);

        JsonNode kafka = Manifests.single("deploy/kafka/kafka-cluster.yaml", "Kafka");
        int plain = kafka.path("spec").path("kafka").path("listeners").get(0).path("port").asInt();
        assertThat(config.kafkaBootstrapServers())
                .isEqualTo(
                        kafka.path("metadata").path("name").asText() + "-kafka-bootstrap:" + plain);
        JsonNode chi =
                Manifests.single(
                        "deploy/clickhouse/clickhouse-installation.yaml", "ClickHouseInstallation");
        assertThat(config.clickHouse().url())
                .isEqualTo(
                        "jdbc:clickhouse://clickhouse-"
                                + chi.path("metadata").path("name").asText()
                                + ":8123");
        assertThat(
                        chi.path("spec")
                                .path("configuration")
                                .path("users")
                                .has(config.clickHouse().user() + "/k8s_secret_password"))
                .isTrue();
        assertThat(config.kafkaTransactionTimeout().toMillis())
                .isLessThan(
                        kafka.path("spec")
                                .path("kafka")
                                .path("config")
                                .path("transaction.max.timeout.ms")
                                .asLong());
    }

    @Test
    void theQueryServiceReadsWhatTheJobWrites() throws Exception {
        JsonNode deployment = Manifests.single("deploy/k8s/query-service.yaml", "Deployment");
        JsonNode container =
                deployment.path("spec").path("template").path("spec").path("containers").get(0);
        List<String> args = new ArrayList<>();
        container.path("args").forEach(a -> args.add(a.asText()));
        Map<String, String> qs = DockerComposeTest.pairs(args);
        assertThat(qs.keySet()).isSubsetOf(QueryServiceKeys.all());
        List<String> jobArgs = new ArrayList<>();
        Manifests.single(FLINK, "FlinkDeployment")
                .path("spec")
                .path("job")
                .path("args")
                .forEach(a -> jobArgs.add(a.asText()));
        Map<String, String> job = DockerComposeTest.pairs(jobArgs);
        for (String key : List.of("clickhouse.url", "clickhouse.user", "kafka.bootstrap-servers")) {
            assertThat(qs.get(key)).as(key).isEqualTo(job.get(key));
        }
        assertThat(Manifests.portNamed(container, "http")).isEqualTo(qs.get("port"));
        Map<String, String> conf =
                Manifests.secretFile(
                        Manifests.mountedSecret(
                                deployment.path("spec").path("template").path("spec"),
                                qs.get("config")),
                        Manifests.fileName(qs.get("config")));
        assertThat(conf.keySet())
                .isSubsetOf(QueryServiceKeys.all())
                .contains("clickhouse.password");
        JsonNode service = Manifests.single("deploy/k8s/query-service.yaml", "Service");
        assertThat(service.path("spec").path("selector"))
                .isEqualTo(deployment.path("spec").path("selector").path("matchLabels"));
    }

    @Test
    void theTopicsAreTheJobsWithReplicationAndCompactionWhereKeyed() throws Exception {
        String cluster =
                Manifests.single("deploy/kafka/kafka-cluster.yaml", "Kafka")
                        .path("metadata")
                        .path("name")
                        .asText();
        Map<String, JsonNode> topics = new TreeMap<>();
        for (JsonNode t : Yaml.ofKind("deploy/kafka/topics.yaml", "KafkaTopic")) {
            assertThat(t.path("metadata").path("labels").path("strimzi.io/cluster").asText())
                    .isEqualTo(cluster);
            topics.put(t.path("spec").path("topicName").asText(), t.path("spec"));
        }
        Map<String, Boolean> compacted = new HashMap<>();
        compacted.put(CandleJobOptions.KAFKA_CANDLES_TOPIC.defaultValue(), true);
        compacted.put(CandleJobOptions.KAFKA_LIVE_TOPIC.defaultValue(), true);
        compacted.put(CandleJobOptions.KAFKA_OUTLIERS_TOPIC.defaultValue(), true);
        compacted.put(CandleJobOptions.KAFKA_DEAD_LETTERS_TOPIC.defaultValue(), false);
        compacted.put(CandleJobOptions.KAFKA_FEED_HEALTH_TOPIC.defaultValue(), true);
        assertThat(topics.keySet()).isEqualTo(compacted.keySet());
        Map<String, String> script = Manifests.scriptTopics();
        topics.forEach(
                (name, spec) -> {
                    assertThat(spec.path("replicas").asInt()).as(name).isEqualTo(3);
                    assertThat(spec.path("partitions").asInt()).as(name).isPositive();
                    assertThat(spec.path("config").path("min.insync.replicas").asInt())
                            .as(name)
                            .isEqualTo(2);
                    String policy = spec.path("config").path("cleanup.policy").asText();
                    assertThat(policy.contains("compact"))
                            .as(name + " cleanup.policy " + policy)
                            .isEqualTo(compacted.get(name));
                    StringBuilder expected =
                            new StringBuilder().append(spec.path("partitions").asInt());
                    spec.path("config").properties().stream()
                            .filter(c -> !c.getKey().equals("min.insync.replicas"))
                            .forEach(
                                    c ->
                                            expected.append(' ')
                                                    .append(c.getKey())
                                                    .append('=')
                                                    .append(c.getValue().asText()));
                    assertThat(script.get(name))
                            .as("create-topics.sh: " + name)
                            .isEqualTo(expected.toString());
                });
    }

    @Test
    void monitoringAndKustomizationAreConsistent() throws Exception {
        JsonNode rule = Manifests.single("deploy/k8s/monitoring.yaml", "PrometheusRule");
        assertThat(rule.path("spec").path("groups"))
                .isEqualTo(Yaml.read("deploy/monitoring/prometheus/alerts.yml").path("groups"));
        JsonNode pods = Manifests.single("deploy/k8s/monitoring.yaml", "PodMonitor");
        assertThat(pods.path("spec").path("selector").path("matchLabels").path("app").asText())
                .isEqualTo(
                        Manifests.single(FLINK, "FlinkDeployment")
                                .path("metadata")
                                .path("name")
                                .asText());
        assertThat(pods.path("spec").path("podMetricsEndpoints").get(0).path("port").asText())
                .isEqualTo("metrics");
        for (JsonNode r : Yaml.read("deploy/k8s/kustomization.yaml").path("resources")) {
            assertThat(Repo.file("deploy/k8s").resolve(r.asText())).exists();
        }
        Set<String> kinds =
                Set.of(
                        "FlinkDeployment",
                        "Deployment",
                        "Service",
                        "ServiceAccount",
                        "Role",
                        "RoleBinding",
                        "Namespace",
                        "PodMonitor",
                        "ServiceMonitor",
                        "PrometheusRule",
                        "Secret");
        for (String f :
                List.of(
                        "flink-deployment.yaml",
                        "query-service.yaml",
                        "rbac.yaml",
                        "namespace.yaml",
                        "monitoring.yaml",
                        "secrets.example.yaml")) {
            for (JsonNode doc : Yaml.readAll("deploy/k8s/" + f)) {
                assertThat(doc.path("kind").asText()).as(f).isIn(kinds);
                assertThat(doc.path("metadata").path("name").asText()).as(f).isNotBlank();
                assertThat(doc.path("apiVersion").asText()).as(f).isNotBlank();
            }
        }
    }
}
