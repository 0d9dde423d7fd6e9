package dev.candleflow.query.it;

import static dev.candleflow.query.testutils.Responses.assertClean;
import static dev.candleflow.query.testutils.Responses.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.local.ClickHouseExtension;
import dev.candleflow.local.KafkaExtension;
import dev.candleflow.query.QueryService;
import dev.candleflow.query.auth.ApiKeys;
import dev.candleflow.query.testutils.Await;
import dev.candleflow.query.testutils.Fixtures;
import dev.candleflow.query.testutils.Http;
import dev.candleflow.query.testutils.Pipeline;
import dev.candleflow.query.testutils.PipelineExtension;
import dev.candleflow.query.testutils.TcpProxy;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile input and callers: SQL-injection probes in every parameter, missing, forged, revoked and
 * under-scoped keys, a flood from one key, and ClickHouse going away. Nothing may answer 500 or
 * leak a stack trace or a ClickHouse error.
 */
@ExtendWith({ClickHouseExtension.class, KafkaExtension.class, PipelineExtension.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityITCase {

    static final List<String> PROBES =
            List.of(
                    "' OR '1'='1",
                    "BTC-USDT' --",
                    "binance'; DROP TABLE candles; --",
                    "1) UNION ALL SELECT name, 1 FROM system.tables --",
                    "{symbol:String}",
                    "BTC-USDT\\' OR 1=1",
                    "\u0000",
                    "ＢＴＣ-ＵＳＤＴ",
                    "../../etc/passwd",
                    "x".repeat(600),
                    "-1",
                    "99999999999999999999999");

    static final Map<String, Map<String, String>> ENDPOINTS = new LinkedHashMap<>();

    static {
        ENDPOINTS.put(
                "/v1/candles",
                Map.of(
                        "symbol",
                        "BTC-USDT",
                        "venue",
                        "binance",
                        "interval",
                        "1m",
                        "from",
                        "1700000000000",
                        "to",
                        "1700003600000",
                        "limit",
                        "10",
                        "order",
                        "asc",
                        "cursor",
                        "YzE6YTox"));
        ENDPOINTS.put("/v1/prices/latest", Map.of("symbols", "BTC-USDT"));
        ENDPOINTS.put(
                "/v1/outliers",
                Map.of(
                        "symbol",
                        "BTC-USDT",
                        "venue",
                        "binance",
                        "since",
                        "1700000000000",
                        "until",
                        "1700003600000",
                        "limit",
                        "10"));
        ENDPOINTS.put(
                "/v1/stream/candles",
                Map.of("symbol", "BTC-USDT", "interval", "1m", "venue", "binance"));
    }

    static Pipeline pipeline;
    static Http http;

    @BeforeAll
    static void setUp(Pipeline p) {
        pipeline = p;
        http = new Http(p.uri());
    }

    @Test
    @Order(1)
    void injectionProbesInEveryParameterAreRejectedCleanly() throws Exception {
        String key = pipeline.key("contract");
        long before =
                Fixtures.count(
                        pipeline.clickHouse(),
                        "SELECT count() FROM " + Pipeline.DATABASE + ".candles");
        int probes = 0;
        for (var endpoint : ENDPOINTS.entrySet()) {
            for (String param : endpoint.getValue().keySet()) {
                for (String probe : PROBES) {
                    Map<String, String> q = new LinkedHashMap<>(endpoint.getValue());
                    q.put(param, probe);
                    if (endpoint.getKey().equals("/v1/candles") && !param.equals("cursor")) {
                        q.remove("cursor");
                    }
                    HttpResponse<String> r =
                            http.get(endpoint.getKey() + "?" + query(q), "X-API-Key", key);
                    assertClean(r);
                    assertThat(r.statusCode())
                            .as("%s %s=%s", endpoint.getKey(), param, probe)
                            .isIn(400, 404);
                    probes++;
                }
            }
        }
        assertThat(probes).isGreaterThan(200);
        long after =
                Fixtures.count(
                        pipeline.clickHouse(),
                        "SELECT count() FROM " + Pipeline.DATABASE + ".candles");
        assertThat(after).isGreaterThanOrEqualTo(before);
        HttpResponse<String> headerProbe = http.get("/v1/symbols", "X-API-Key", "' OR 1=1 --");
        assertClean(headerProbe);
        assertThat(headerProbe.statusCode()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void missingForgedAndMalformedKeysAre401() {
        HttpResponse<String> missing = http.get("/v1/symbols");
        assertClean(missing);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("WWW-Authenticate")).isPresent();
        String forged = ApiKeys.generate();
        HttpResponse<String> unknown = http.get("/v1/symbols", "X-API-Key", forged);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).contains("Unknown API key");
        String real = pipeline.key("other");
        String tampered =
                real.substring(0, real.length() - 2) + (real.endsWith("AA") ? "BB" : "AA");
        assertThat(http.get("/v1/symbols", "X-API-Key", tampered).statusCode()).isEqualTo(401);
        assertThat(http.get("/v1/symbols", "X-API-Key", "not-a-key").statusCode()).isEqualTo(401);
        assertThat(http.get("/v1/symbols", "X-API-Key", real).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void revokedKeyStopsWorkingAndOnlyItsHashIsStored() throws Exception {
        String key = pipeline.createKey("to-revoke", "read,stream", 600, 100);
        String id = ApiKeys.idOf(key).orElseThrow();
        assertThat(http.get("/v1/symbols", "X-API-Key", key).statusCode()).isEqualTo(200);
        String stored =
                pipeline.clickHouse()
                        .execute(
                                "SELECT key_hash FROM "
                                        + Pipeline.DATABASE
                                        + ".api_keys FINAL WHERE key_id = '"
                                        + id
                                        + "'");
        assertThat(stored.strip()).isEqualTo(ApiKeys.hash(key));
        assertThat(
                        pipeline.clickHouse()
                                .execute("SELECT * FROM " + Pipeline.DATABASE + ".api_keys"))
                .doesNotContain(key);
        assertThat(pipeline.cli(List.of("revoke", id))).contains("Revoked API key " + id);
        Await.until(
                Duration.ofSeconds(10),
                () -> http.get("/v1/symbols", "X-API-Key", key).statusCode() == 401,
                "the revocation");
        assertThat(http.get("/v1/symbols", "X-API-Key", key).body()).contains("revoked");
        assertThat(pipeline.cli(List.of("list")))
                .contains(id)
                .contains("to-revoke")
                .contains("revoked");
    }

    @Test
    @Order(4)
    void keyWithoutStreamScopeGets403() {
        HttpResponse<String> r =
                http.get(
                        "/v1/stream/candles?symbol=BTC-USDT&interval=1m",
                        "X-API-Key",
                        pipeline.key("readonly"));
        assertClean(r);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(http.get("/v1/symbols", "X-API-Key", pipeline.key("readonly")).statusCode())
                .isEqualTo(200);
    }

    @Test
    @Order(5)
    void floodFromOneKeyGets429WhileOtherKeysAreServed() {
        String flood = pipeline.key("flood");
        int ok = 0;
        int limited = 0;
        HttpResponse<String> last429 = null;
        for (int i = 0; i < 60; i++) {
            HttpResponse<String> r =
                    http.get(
                            "/v1/candles?symbol=BTC-USDT&venue=binance&limit=5",
                            "X-API-Key",
                            flood);
            assertClean(r);
            if (r.statusCode() == 200) {
                ok++;
            } else {
                assertThat(r.statusCode()).isEqualTo(429);
                limited++;
                last429 = r;
            }
            if (i % 10 == 0) {
                assertThat(http.get("/v1/symbols", "X-API-Key", pipeline.key("other")).statusCode())
                        .isEqualTo(200);
            }
        }
        assertThat(ok).isBetween(10, 14);
        assertThat(limited).isGreaterThanOrEqualTo(45);
        assertThat(last429.headers().firstValue("Retry-After")).isPresent();
        assertThat(last429.headers().firstValue("RateLimit-Remaining")).hasValue("0");
        assertThat(last429.headers().firstValue("RateLimit-Limit")).hasValue("10");
    }

    @Test
    @Order(6)
    void floodOfForgedKeysFromOneAddressEndsIn429() {
        int last = 0;
        for (int i = 0; i < 60; i++) {
            HttpResponse<String> r = http.get("/v1/symbols", "X-API-Key", ApiKeys.generate());
            assertClean(r);
            assertThat(r.statusCode()).isIn(401, 429);
            last = r.statusCode();
        }
        assertThat(last).isEqualTo(429);
        assertThat(http.get("/v1/symbols", "X-API-Key", pipeline.key("other")).statusCode())
                .isEqualTo(200);
    }

    @Test
    @Order(7)
    void clickHouseDownIs503NotAStackTrace() throws Exception {
        try (TcpProxy proxy = new TcpProxy(pipeline.clickHouse().httpPort());
                QueryService service =
                        QueryService.start(
                                pipeline.serviceConfig(
                                        Map.of(
                                                "clickhouse.url",
                                                "jdbc:clickhouse://127.0.0.1:" + proxy.port(),
                                                "clickhouse.query-timeout",
                                                "2 s",
                                                "cache.ttl",
                                                "1 ms")))) {
            Http direct = new Http(service.uri());
            String key = pipeline.key("other");
            assertThat(
                            direct.get(
                                            "/v1/candles?symbol=BTC-USDT&venue=binance&limit=2",
                                            "X-API-Key",
                                            key)
                                    .statusCode())
                    .isEqualTo(200);
            proxy.close();
            HttpResponse<String> down =
                    direct.get(
                            "/v1/candles?symbol=BTC-USDT&venue=binance&limit=3", "X-API-Key", key);
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).doesNotContain("Exception", "\tat ", "Code: ");
            assertThat(down.headers().firstValue("Content-Type").orElse(""))
                    .startsWith("application/problem+json");
            assertThat(down.body()).contains("ClickHouse is unavailable");
            assertThat(down.headers().firstValue("Retry-After")).isPresent();
            Await.until(
                    Duration.ofSeconds(10),
                    () -> direct.get("/health").statusCode() == 503,
                    "/health to say down");
        }
    }
}
