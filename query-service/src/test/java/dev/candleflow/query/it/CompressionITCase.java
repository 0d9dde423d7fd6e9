package dev.candleflow.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candleflow.local.ClickHouseExtension;
import dev.candleflow.local.KafkaExtension;
import dev.candleflow.query.QueryService;
import dev.candleflow.query.testutils.Await;
import dev.candleflow.query.testutils.Http;
import dev.candleflow.query.testutils.Pipeline;
import dev.candleflow.query.testutils.PipelineExtension;
import dev.candleflow.query.testutils.SseReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gzip over the real data: a page of up to 1,000 candles (JSON and CSV) compressed and decompressed
 * to exactly the uncompressed bytes, static files and /openapi.json with working ETags, and a live
 * stream that is neither compressed nor held back.
 */
@ExtendWith({ClickHouseExtension.class, KafkaExtension.class, PipelineExtension.class})
class CompressionITCase {

    static final ObjectMapper JSON = new ObjectMapper();
    static Pipeline pipeline;
    static String key;

    @BeforeAll
    static void setUp(Pipeline p) {
        pipeline = p;
        key = p.key("contract");
    }

    @Test
    void largeCandlePagesAreGzippedToTheSameBytes() throws Exception {
        // a long cache: both forms are rendered from one read, so they must be byte-identical
        try (QueryService service =
                QueryService.start(pipeline.serviceConfig(Map.of("cache.ttl", "2 min")))) {
            Http http = new Http(service.uri());
            Http fresh = new Http(pipeline.uri());
            String series = "/v1/candles?symbol=BTC-USDT&venue=binance&interval=1s";
            Await.until(
                    Duration.ofSeconds(90),
                    () -> count(fresh, series + "&limit=500&order=desc") == 500,
                    "500 one-second candles");
            long newest =
                    JSON.readTree(http.get(series + "&order=desc&limit=1", "X-API-Key", key).body())
                            .get("data")
                            .get(0)
                            .get("openTime")
                            .asLong();
            String page = series + "&limit=1000&order=desc&to=" + newest;
            List<String> sizes = new ArrayList<>();
            for (String accept : new String[] {"application/json", "text/csv"}) {
                HttpResponse<byte[]> plain =
                        http.getBytes(page, "X-API-Key", key, "Accept", accept);
                HttpResponse<byte[]> gzipped =
                        http.getBytes(
                                page,
                                "X-API-Key",
                                key,
                                "Accept",
                                accept,
                                "Accept-Encoding",
                                "gzip");
                assertThat(plain.statusCode()).isEqualTo(200);
                assertThat(plain.body().length).as("a large page").isGreaterThan(10_000);
                assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
                assertThat(plain.headers().firstValueAsLong("Content-Length"))
                        .hasValue(plain.body().length);
                assertThat(gzipped.statusCode()).isEqualTo(200);
                assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
                assertThat(gzipped.headers().firstValue("Content-Type"))
                        .isEqualTo(plain.headers().firstValue("Content-Type"));
                gzipped.headers()
                        .firstValueAsLong("Content-Length")
                        .ifPresent(l -> assertThat(l).isEqualTo(gzipped.body().length));
                assertThat(String.join(",", gzipped.headers().allValues("Vary")))
                        .contains("Accept-Encoding", "X-API-Key");
                assertThat(gzipped.headers().firstValue("X-Next-Cursor"))
                        .isEqualTo(plain.headers().firstValue("X-Next-Cursor"));
                assertThat(Http.gunzip(gzipped.body())).isEqualTo(plain.body());
                assertThat(gzipped.body().length).isLessThan(plain.body().length / 2);
                sizes.add(
                        String.format(
                                "%s: %d bytes, gzip %d (%.1fx)",
                                accept,
                                plain.body().length,
                                gzipped.body().length,
                                (double) plain.body().length / gzipped.body().length));
            }
            Path out = Path.of(System.getProperty("candleflow.query.artifacts", "target"));
            Files.createDirectories(out);
            Files.write(out.resolve("compression.txt"), sizes, StandardCharsets.UTF_8);
        }
    }

    static int count(Http http, String pathAndQuery) throws Exception {
        HttpResponse<String> r = http.get(pathAndQuery, "X-API-Key", key);
        return r.statusCode() == 200 ? JSON.readTree(r.body()).get("data").size() : -1;
    }

    @Test
    @Timeout(90)
    void theStreamIsNotGzippedAndStillDeliversLiveEvents() throws Exception {
        try (SseReader sse =
                new SseReader(
                        pipeline.uri()
                                .resolve(
                                        "/v1/stream/candles?symbol=BTC-USDT&interval=1s&venue=binance"),
                        "X-API-Key",
                        key,
                        "Accept-Encoding",
                        "gzip")) {
            assertThat(sse.status()).isEqualTo(200);
            assertThat(sse.response().headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(sse.response().headers().firstValue("Content-Type").orElse(""))
                    .startsWith("text/event-stream");
            assertThat(sse.next().event()).isEqualTo("ready");
            List<String> ids = new ArrayList<>();
            while (ids.size() < 5) {
                SseReader.Event e = sse.nextCandle();
                assertThat(e).isNotNull();
                assertThat(JSON.readTree(e.data()).get("symbol").asText()).isEqualTo("BTC-USDT");
                ids.add(e.id());
            }
            assertThat(ids).doesNotHaveDuplicates();
        }
    }

    @Test
    void staticFilesAndTheDocumentAreGzippedWithWorkingETags() {
        Http http = new Http(pipeline.uri());
        HttpResponse<byte[]> doc = http.getBytes("/openapi.json");
        HttpResponse<byte[]> docGzip = http.getBytes("/openapi.json", "Accept-Encoding", "gzip");
        assertThat(docGzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(Http.gunzip(docGzip.body())).isEqualTo(doc.body());

        HttpResponse<byte[]> js = http.getBytes("/static/app.js", "Accept-Encoding", "gzip");
        assertThat(js.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(Http.gunzip(js.body())).isEqualTo(http.getBytes("/static/app.js").body());
        String etag = js.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> cached =
                http.getBytes("/static/app.js", "Accept-Encoding", "gzip", "If-None-Match", etag);
        assertThat(cached.statusCode()).isEqualTo(304);
        assertThat(cached.body()).isEmpty();
        String plainEtag =
                http.getBytes("/static/app.js").headers().firstValue("ETag").orElseThrow();
        assertThat(http.getBytes("/static/app.js", "If-None-Match", plainEtag).statusCode())
                .isEqualTo(304);
    }
}
