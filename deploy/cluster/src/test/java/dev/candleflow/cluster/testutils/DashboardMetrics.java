package dev.candleflow.cluster.testutils;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Flink metric names the Grafana dashboard and the alert rules query, checked against what a
 * running job's JobManager and TaskManager really expose to Prometheus.
 */
public final class DashboardMetrics {

    public static final String DASHBOARD = "deploy/monitoring/grafana/dashboards/candleflow.json";
    public static final String ALERTS = "deploy/monitoring/prometheus/alerts.yml";

    private static final Pattern OPERATOR_NAME = Pattern.compile("operator_name=\"([^\"]+)\"");
    private static final Pattern FLINK_METRIC = Pattern.compile("\\bflink_[A-Za-z0-9_:]+");

    private DashboardMetrics() {}

    /** Every expression of every panel (targets[].expr), in panel order. */
    public static List<String> dashboardExpressions() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(Repo.file(DASHBOARD).toFile());
        List<String> out = new ArrayList<>();
        for (JsonNode panel : panels(dashboard)) {
            panel.path("targets").forEach(t -> out.add(t.path("expr").asText()));
        }
        return out;
    }

    /** Panels, including those nested in rows. */
    public static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : dashboard.path("panels")) {
            if ("row".equals(p.path("type").asText())) {
                p.path("panels").forEach(out::add);
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /** The {@code flink_*} names in some expressions. */
    public static Set<String> flinkNames(Iterable<String> expressions) {
        Set<String> names = new TreeSet<>();
        for (String e : expressions) {
            Matcher m = FLINK_METRIC.matcher(e);
            while (m.find()) {
                names.add(m.group());
            }
        }
        return names;
    }

    /** The alert rules' expressions. */
    public static List<String> alertExpressions() throws IOException {
        JsonNode rules =
                new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                        .readTree(Repo.file(ALERTS).toFile());
        List<String> out = new ArrayList<>();
        rules.path("groups")
                .forEach(g -> g.path("rules").forEach(r -> out.add(r.path("expr").asText())));
        return out;
    }

    /**
     * Scrapes the endpoints (a copy of each lands in target/it-metrics) and asserts that every
     * Flink metric the dashboard and the alerts use is there (a histogram as its {@code _count}).
     */
    public static void assertExposed(URI... endpoints) throws Exception {
        Set<String> exposed = new TreeSet<>();
        StringBuilder all = new StringBuilder();
        Path out = Path.of("target", "it-metrics");
        Files.createDirectories(out);
        for (URI endpoint : endpoints) {
            String text = PrometheusText.scrape(endpoint);
            Files.writeString(out.resolve(endpoint.getPort() + ".txt"), text);
            exposed.addAll(PrometheusText.names(text));
            all.append(text);
        }
        List<String> expressions = new ArrayList<>(dashboardExpressions());
        expressions.addAll(alertExpressions());
        Set<String> missing = new TreeSet<>(flinkNames(expressions));
        missing.removeIf(n -> exposed.contains(n) || exposed.contains(n + "_count"));
        assertThat(missing)
                .as("dashboard/alert metrics that the running job does not expose")
                .isEmpty();
    }
}
