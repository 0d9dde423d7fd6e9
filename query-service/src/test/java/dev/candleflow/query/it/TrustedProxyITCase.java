package dev.candleflow.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.local.ClickHouseExtension;
import dev.candleflow.local.KafkaExtension;
import dev.candleflow.query.QueryService;
import dev.candleflow.query.auth.ApiKeys;
import dev.candleflow.query.testutils.Http;
import dev.candleflow.query.testutils.Pipeline;
import dev.candleflow.query.testutils.PipelineExtension;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Anonymous rate limits behind a reverse proxy, against the real ClickHouse: the test connects from
 * 127.0.0.1 and plays the proxy. Trusted, each X-Forwarded-For client gets its own bucket;
 * untrusted, the header is ignored and every "client" shares the peer's bucket.
 */
@ExtendWith({ClickHouseExtension.class, KafkaExtension.class, PipelineExtension.class})
class TrustedProxyITCase {

    static final String PATH = "/v1/symbols";
    static final String CLIENT_A = "198.51.100.1";
    static final String CLIENT_B = "198.51.100.2";

    static Pipeline pipeline;

    @BeforeAll
    static void setUp(Pipeline p) {
        pipeline = p;
    }

    /** A service with anonymous reads, a burst of 3 per address, and these trusted proxies. */
    static QueryService start(String trustedProxies) {
        return QueryService.start(
                pipeline.serviceConfig(
                        Map.of(
                                "auth.anonymous", "true",
                                "rate.anonymous.per-minute", "1",
                                "rate.anonymous.burst", "3",
                                "http.trusted-proxies", trustedProxies)));
    }

    static HttpResponse<String> as(Http http, String xForwardedFor) {
        return http.get(PATH, "X-Forwarded-For", xForwardedFor);
    }

    @Test
    void clientsBehindATrustedProxyGetTheirOwnBuckets() {
        try (QueryService service = start("127.0.0.1, ::1")) {
            Http http = new Http(service.uri());
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> r = as(http, CLIENT_A);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                assertThat(r.headers().firstValue("RateLimit-Remaining"))
                        .hasValue(Integer.toString(2 - i));
            }
            assertThat(as(http, CLIENT_A).statusCode()).isEqualTo(429);
            assertThat(as(http, "203.0.113.66, " + CLIENT_A).statusCode())
                    .as("a forged address left of the client's own changes nothing")
                    .isEqualTo(429);

            HttpResponse<String> b = as(http, CLIENT_B);
            assertThat(b.statusCode()).as("another client behind the same proxy").isEqualTo(200);
            assertThat(b.headers().firstValue("RateLimit-Remaining")).hasValue("2");
            assertThat(as(http, CLIENT_B + ", 127.0.0.1").statusCode())
                    .as("a trusted hop right of the client is skipped")
                    .isEqualTo(200);
            assertThat(
                            http.get(PATH, "X-Forwarded-For", "garbage")
                                    .headers()
                                    .firstValue("RateLimit-Remaining"))
                    .as("an unreadable header counts as the proxy itself, a fresh bucket")
                    .hasValue("2");
            HttpResponse<String> forged =
                    http.get(
                            PATH,
                            "X-API-Key",
                            ApiKeys.generate(),
                            "X-Forwarded-For",
                            "198.51.100.3");
            assertThat(forged.statusCode()).isEqualTo(401);
            assertThat(as(http, "198.51.100.3").headers().firstValue("RateLimit-Remaining"))
                    .as("the failed key was charged to that client, not to the proxy")
                    .hasValue("1");
        }
    }

    @Test
    void aSpoofedHeaderFromAnUntrustedPeerChangesNothing() {
        for (String trusted : new String[] {"", "10.0.0.0/8"}) {
            try (QueryService service = start(trusted)) {
                Http http = new Http(service.uri());
                for (int i = 0; i < 3; i++) {
                    HttpResponse<String> r = as(http, "198.51.100." + (10 + i));
                    assertThat(r.statusCode()).isEqualTo(200);
                    assertThat(r.headers().firstValue("RateLimit-Remaining"))
                            .as("trusted '%s': one bucket whatever the header says", trusted)
                            .hasValue(Integer.toString(2 - i));
                }
                assertThat(as(http, "198.51.100.99").statusCode()).isEqualTo(429);
                assertThat(http.get(PATH, "Forwarded", "for=198.51.100.98").statusCode())
                        .isEqualTo(429);
                assertThat(http.get(PATH).statusCode()).isEqualTo(429);
            }
        }
    }
}
