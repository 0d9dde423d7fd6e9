package dev.candleflow.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candleflow.local.ClickHouseExtension;
import dev.candleflow.local.KafkaExtension;
import dev.candleflow.query.stream.StreamPosition;
import dev.candleflow.query.testutils.Await;
import dev.candleflow.query.testutils.Http;
import dev.candleflow.query.testutils.Pipeline;
import dev.candleflow.query.testutils.PipelineExtension;
import dev.candleflow.query.testutils.SseReader;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The live stream over the real job's Kafka topics: candles as the topic has them, resuming with
 * Last-Event-ID, and a client that does not read being dropped to the latest state with a gap event
 * instead of growing the server's memory.
 */
@ExtendWith({ClickHouseExtension.class, KafkaExtension.class, PipelineExtension.class})
@Timeout(120)
class StreamITCase {

    static final ObjectMapper JSON = new ObjectMapper();
    static Pipeline pipeline;
    static String key;

    @BeforeAll
    static void setUp(Pipeline p) {
        pipeline = p;
        key = p.key("contract");
    }

    SseReader open(String query, String... headers) throws Exception {
        String[] all = new String[headers.length + 2];
        all[0] = "X-API-Key";
        all[1] = key;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return new SseReader(pipeline.uri().resolve("/v1/stream/candles?" + query), all);
    }

    @Test
    void candlesArriveAsTheTopicHasThemAndMatchClickHouse() throws Exception {
        JsonNode finalCandle = firstFinalCandle();
        assertThat(finalCandle).isNotNull();
        long openTime = finalCandle.get("openTime").asLong();
        Http http = new Http(pipeline.uri());
        String q =
                "/v1/candles?symbol=BTC-USDT&venue=binance&from="
                        + openTime
                        + "&to="
                        + (openTime + 1);
        Await.until(
                Duration.ofSeconds(20),
                () -> JSON.readTree(http.get(q, "X-API-Key", key).body()).get("data").size() == 1,
                "the streamed candle in ClickHouse");
        JsonNode rest = JSON.readTree(http.get(q, "X-API-Key", key).body()).get("data").get(0);
        for (String f : List.of("open", "high", "low", "close", "volume", "quoteVolume", "vwap")) {
            assertThat(new BigDecimal(rest.get(f).asText()))
                    .as(f)
                    .isEqualByComparingTo(new BigDecimal(finalCandle.get(f).asText()));
        }
        List<String> restFields = new ArrayList<>();
        rest.fieldNames().forEachRemaining(restFields::add);
        List<String> streamFields = new ArrayList<>();
        finalCandle.fieldNames().forEachRemaining(streamFields::add);
        assertThat(restFields).containsExactlyInAnyOrderElementsOf(streamFields);
    }

    /** Opens a stream, checks every event on the way, and returns the first final candle. */
    JsonNode firstFinalCandle() throws Exception {
        JsonNode finalCandle = null;
        try (SseReader sse = open("symbol=BTC-USDT&interval=1m&venue=binance")) {
            assertThat(sse.status()).isEqualTo(200);
            assertThat(sse.response().headers().firstValue("Content-Type").orElse(""))
                    .startsWith("text/event-stream");
            SseReader.Event ready = sse.next();
            assertThat(ready.event()).isEqualTo("ready");
            for (int i = 0; i < 200 && finalCandle == null; i++) {
                SseReader.Event e = sse.nextCandle();
                assertThat(e.id()).isNotEmpty();
                assertThat(StreamPosition.decode(e.id())).isPresent();
                JsonNode c = JSON.readTree(e.data());
                assertThat(c.get("symbol").asText()).isEqualTo("BTC-USDT");
                assertThat(c.get("venue").asText()).isEqualTo("binance");
                assertThat(c.get("interval").asText()).isEqualTo("1m");
                assertThat(c.get("open").isTextual()).isTrue();
                if (c.get("final").asBoolean()) {
                    finalCandle = c;
                }
            }
        }
        return finalCandle;
    }

    @Test
    void reconnectingWithLastEventIdResumesAfterIt() throws Exception {
        List<SseReader.Event> first = new ArrayList<>();
        try (SseReader sse = open("symbol=ETH-USDT&interval=1m")) {
            while (first.size() < 4) {
                first.add(sse.nextCandle());
            }
        }
        String lastSeen = first.get(1).id();
        StreamPosition seen = StreamPosition.decode(lastSeen).orElseThrow();
        try (SseReader sse = open("symbol=ETH-USDT&interval=1m", "Last-Event-ID", lastSeen)) {
            SseReader.Event e;
            do {
                e = sse.next();
                assertThat(e.event()).as("no gap for a recent id").isNotEqualTo("gap");
            } while (!e.event().equals("candle"));
            StreamPosition resumed = StreamPosition.decode(e.id()).orElseThrow();
            assertThat(after(resumed, seen)).as("%s after %s", e.id(), lastSeen).isTrue();
            JsonNode third = JSON.readTree(first.get(2).data());
            String thirdKey = third.get("venue").asText() + "|" + third.get("openTime").asLong();
            boolean sawThirdsCandle = false;
            for (int i = 0; i < 20 && !sawThirdsCandle; i++) {
                JsonNode c = JSON.readTree(e.data());
                sawThirdsCandle =
                        thirdKey.equals(c.get("venue").asText() + "|" + c.get("openTime").asLong());
                e = sse.nextCandle();
            }
            assertThat(sawThirdsCandle)
                    .as("the candle after the resume point is replayed")
                    .isTrue();
        }
        try (SseReader sse = open("symbol=ETH-USDT&interval=1m", "Last-Event-ID", "garbage")) {
            assertThat(sse.status()).isEqualTo(200);
            assertThat(sse.nextCandle()).isNotNull();
        }
    }

    static boolean after(StreamPosition later, StreamPosition earlier) {
        boolean strictly = false;
        for (Map.Entry<Long, Long> e : earlier.offsets().entrySet()) {
            long l = later.offset(e.getKey());
            if (l < e.getValue()) {
                return false;
            }
            strictly |= l > e.getValue();
        }
        return strictly || later.offsets().size() > earlier.offsets().size();
    }

    @Test
    void aClientThatDoesNotReadIsDroppedToTheLatestStateNotBuffered() throws Exception {
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(2048);
            socket.setSoTimeout(30_000); // a stalled stream fails the test, not the whole build
            socket.connect(new InetSocketAddress("127.0.0.1", pipeline.uri().getPort()), 5000);
            OutputStream out = socket.getOutputStream();
            out.write(
                    ("GET /v1/stream/candles?symbol=BTC-USDT&interval=1s HTTP/1.1\r\n"
                                    + "Host: x\r\n"
                                    + "X-API-Key: "
                                    + key
                                    + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Http http = new Http(pipeline.uri());
            Await.until(
                    Duration.ofSeconds(90),
                    () -> metric(http, "candleflow_stream_dropped_total") > 0,
                    "candles to be dropped for the client that does not read");
            assertThat(metric(http, "candleflow_stream_backlog"))
                    .isLessThanOrEqualTo(16.0 * metric(http, "candleflow_stream_clients"));
            BufferedReader in =
                    new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            boolean gap = false;
            for (int i = 0; i < 200_000 && !gap; i++) {
                String line = in.readLine();
                gap = line != null && line.equals("event: gap");
            }
            assertThat(gap).as("the slow client is told it missed candles").isTrue();
        }
    }

    static double metric(Http http, String name) {
        for (String line : http.get("/metrics").body().split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }
}
