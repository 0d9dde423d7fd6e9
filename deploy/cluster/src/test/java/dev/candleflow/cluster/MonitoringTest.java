package dev.candleflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candleflow.cluster.testutils.DashboardMetrics;
import dev.candleflow.cluster.testutils.Repo;
import dev.candleflow.cluster.testutils.Yaml;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard and the alert rules: they parse, every panel queries something, every alert
 * is explained in the runbook. Whether the job exposes the metrics they name is checked against a
 * running job in {@link TaskManagerKillITCase}.
 */
class MonitoringTest {

    @Test
    void everyPanelHasAQueryOnTheProvisionedDataSource() throws Exception {
        JsonNode dashboard =
                new ObjectMapper().readTree(Repo.file(DashboardMetrics.DASHBOARD).toFile());
        assertThat(dashboard.path("uid").asText()).isEqualTo("candleflow");
        String uid =
                Yaml.read("deploy/monitoring/grafana/provisioning/datasources/prometheus.yml")
                        .path("datasources")
                        .get(0)
                        .path("uid")
                        .asText();
        List<JsonNode> panels = DashboardMetrics.panels(dashboard);
        assertThat(panels).hasSizeGreaterThan(15);
        Set<Integer> ids = new HashSet<>();
        List<String> titles = new ArrayList<>();
        for (JsonNode p : panels) {
            String title = p.path("title").asText();
            titles.add(title);
            assertThat(ids.add(p.path("id").asInt())).as("unique id: " + title).isTrue();
            assertThat(p.path("datasource").path("uid").asText()).as(title).isEqualTo(uid);
            assertThat(p.path("targets")).as(title + " has a query").isNotEmpty();
            for (JsonNode t : p.path("targets")) {
                String expr = t.path("expr").asText();
                assertThat(expr).as(title).isNotBlank().contains("flink_");
                assertThat(balanced(expr)).as(title + ": " + expr).isTrue();
            }
            JsonNode grid = p.path("gridPos");
            assertThat(grid.path("x").asInt() + grid.path("w").asInt())
                    .as(title)
                    .isLessThanOrEqualTo(24);
        }
        for (String needed :
                List.of(
                        "Messages per second",
                        "Reconnects",
                        "Gaps",
                        "Backfills",
                        "Lag",
                        "Watermark",
                        "Outliers",
                        "Dead letters",
                        "Checkpoint duration",
                        "Checkpoint size",
                        "ClickHouse sink batch latency",
                        "Late trades",
                        "Duplicates")) {
            assertThat(titles).as("a panel about " + needed).anyMatch(t -> t.startsWith(needed));
        }
        assertThat(DashboardMetrics.flinkNames(DashboardMetrics.dashboardExpressions()))
                .allMatch(
                        n ->
                                n.startsWith("flink_jobmanager_")
                                        || n.startsWith("flink_taskmanager_"));
    }

    @Test
    void everyAlertIsCompleteAndExplainedInTheRunbook() throws Exception {
        String runbook = Files.readString(Repo.file("deploy/README.md"));
        Set<String> names = new HashSet<>();
        for (JsonNode g : Yaml.read(DashboardMetrics.ALERTS).path("groups")) {
            for (JsonNode r : g.path("rules")) {
                String name = r.path("alert").asText();
                assertThat(names.add(name)).as("unique alert " + name).isTrue();
                assertThat(r.path("expr").asText()).as(name).isNotBlank();
                assertThat(balanced(r.path("expr").asText())).as(name).isTrue();
                assertThat(r.path("labels").path("severity").asText())
                        .as(name)
                        .isIn("info", "warning", "critical");
                assertThat(r.path("annotations").path("summary").asText()).as(name).isNotBlank();
                assertThat(runbook)
                        .as("deploy/README.md explains " + name)
                        .contains("`" + name + "`");
            }
        }
        assertThat(names).hasSizeGreaterThan(10);
    }

    @Test
    void theLocalScrapeConfigMatchesTheClusterScriptsPorts() throws Exception {
        String script = Files.readString(Repo.file("deploy/local/cluster.sh"));
        assertThat(script).contains("CANDLEFLOW_FLINK_METRICS_PORT:-9249");
        JsonNode local = Yaml.read("deploy/monitoring/prometheus/prometheus-local.yml");
        assertThat(
                        local.path("scrape_configs")
                                .get(0)
                                .path("static_configs")
                                .get(0)
                                .path("targets")
                                .get(0)
                                .asText())
                .isEqualTo("127.0.0.1:9249");
        assertThat(local.path("rule_files").get(0).asText()).isEqualTo("alerts.yml");
    }

    /** Parentheses, brackets and braces nest properly (outside quoted strings). */
    static boolean balanced(String expr) {
        StringBuilder stack = new StringBuilder();
        boolean quoted = false;
        for (char c : expr.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && "([{".indexOf(c) >= 0) {
                stack.append(c);
            } else if (!quoted && ")]}".indexOf(c) >= 0) {
                if (stack.length() == 0
                        || "([{".indexOf(stack.charAt(stack.length() - 1)) != ")]}".indexOf(c)) {
                    return false;
                }
                stack.setLength(stack.length() - 1);
            }
        }
        return stack.length() == 0 && !quoted;
    }
}
