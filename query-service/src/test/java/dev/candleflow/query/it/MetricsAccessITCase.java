package dev.candleflow.query.it;

import static dev.candleflow.query.testutils.Responses.assertClean;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.local.ClickHouseExtension;
import dev.candleflow.local.KafkaExtension;
import dev.candleflow.query.QueryService;
import dev.candleflow.query.testutils.Contract;
import dev.candleflow.query.testutils.Http;
import dev.candleflow.query.testutils.Pipeline;
import dev.candleflow.query.testutils.PipelineExtension;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A protected /metrics: the bearer token or a key with the metrics scope gets in, everything else
 * gets a 401 or 403 problem that is in the contract; the default service keeps it open.
 */
@ExtendWith({ClickHouseExtension.class, KafkaExtension.class, PipelineExtension.class})
class MetricsAccessITCase {

    static final String TOKEN = "it-metrics-token-0123456789abcdef";

    static Pipeline pipeline;
    static String metricsKey;
    static Contract contract;

    @BeforeAll
    static void setUp(Pipeline p) {
        pipeline = p;
        metricsKey = p.createKey("prometheus", "metrics", 600, 100);
        contract = new Contract(new Http(p.uri()).get("/openapi.json").body());
    }

    static void assertDenied(HttpResponse<String> r, int status) {
        contract.check(r);
        assertClean(r);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.body()).doesNotContain("candleflow_http_requests");
    }

    @Test
    void theTokenOrAMetricsKeyOpensAProtectedMetricsEndpoint() {
        try (QueryService service =
                QueryService.start(pipeline.serviceConfig(Map.of("metrics.token", TOKEN)))) {
            Http http = new Http(service.uri());
            HttpResponse<String> none = http.get("/metrics");
            assertDenied(none, 401);
            assertThat(none.headers().firstValue("WWW-Authenticate").orElse(""))
                    .contains("Bearer realm=\"metrics\"", "ApiKey");
            assertDenied(http.get("/metrics", "Authorization", "Bearer " + TOKEN + "0"), 401);
            assertDenied(http.get("/metrics", "Authorization", "Basic " + TOKEN), 401);
            assertDenied(http.get("/metrics", "X-API-Key", pipeline.key("other")), 403);
            String cookie = http.get("/").headers().firstValue("Set-Cookie").orElseThrow();
            assertDenied(
                    http.get("/metrics", "Cookie", cookie.substring(0, cookie.indexOf(';'))), 401);

            HttpResponse<String> token = http.get("/metrics", "Authorization", "Bearer " + TOKEN);
            assertThat(contract.check(token).statusCode()).isEqualTo(200);
            assertThat(token.body()).contains("candleflow_auth_failures_total");
            HttpResponse<String> key = http.get("/metrics", "X-API-Key", metricsKey);
            assertThat(contract.check(key).statusCode()).isEqualTo(200);
            assertThat(key.body()).contains("candleflow_http_requests");

            assertThat(http.get("/v1/symbols", "X-API-Key", metricsKey).statusCode())
                    .as("the metrics scope alone does not read the API")
                    .isEqualTo(403);
            assertThat(http.get("/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void protectedWithoutATokenTakesOnlyKeys() {
        try (QueryService service =
                QueryService.start(pipeline.serviceConfig(Map.of("metrics.protected", "true")))) {
            Http http = new Http(service.uri());
            assertDenied(http.get("/metrics", "Authorization", "Bearer " + TOKEN), 401);
            assertThat(http.get("/metrics", "X-API-Key", metricsKey).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void openByDefault() {
        HttpResponse<String> open = new Http(pipeline.uri()).get("/metrics");
        assertThat(contract.check(open).statusCode()).isEqualTo(200);
    }
}
