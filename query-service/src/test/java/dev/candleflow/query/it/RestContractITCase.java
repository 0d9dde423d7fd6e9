package dev.candleflow.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candleflow.local.ClickHouseExtension;
import dev.candleflow.local.KafkaExtension;
import dev.candleflow.query.testutils.Contract;
import dev.candleflow.query.testutils.Http;
import dev.candleflow.query.testutils.Pipeline;
import dev.candleflow.query.testutils.PipelineExtension;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * REST v1 against the real ClickHouse, filled by the real job from the simulator: every response is
 * checked against /openapi.json, and candles against ClickHouse itself (FINAL).
 */
@ExtendWith({ClickHouseExtension.class, KafkaExtension.class, PipelineExtension.class})
class RestContractITCase {

    static final ObjectMapper JSON = new ObjectMapper();
    static Pipeline pipeline;
    static Http http;
    static Contract contract;
    static String key;

    @BeforeAll
    static void setUp(Pipeline p) {
        pipeline = p;
        http = new Http(p.uri());
        HttpResponse<String> doc = http.get("/openapi.json");
        assertThat(doc.statusCode()).isEqualTo(200);
        contract = new Contract(doc.body());
        key = p.key("contract");
    }

    HttpResponse<String> get(String path, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "X-API-Key";
        all[1] = key;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return contract.check(http.get(path, all));
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void newestCandlesFirstAreFinalWithExactDecimals() throws Exception {
        HttpResponse<String> r =
                get("/v1/candles?symbol=BTC-USDT&venue=binance&interval=1m&order=desc&limit=5");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("RateLimit-Remaining")).isPresent();
        JsonNode data = json(r).get("data");
        assertThat(data).hasSize(5);
        for (int i = 0; i < data.size(); i++) {
            JsonNode c = data.get(i);
            assertThat(c.get("final").asBoolean()).isTrue();
            assertThat(c.get("open").isTextual()).isTrue();
            assertThat(c.get("closeTime").asLong() - c.get("openTime").asLong()).isEqualTo(60_000);
            if (i > 0) {
                assertThat(c.get("openTime").asLong())
                        .isLessThan(data.get(i - 1).get("openTime").asLong());
            }
        }
        assertThat(json(r).get("nextCursor").asText()).isNotEmpty();
    }

    @Test
    void pagesFollowedByCursorEqualClickHouseFinal() throws Exception {
        long newest =
                json(get("/v1/candles?symbol=ETH-USDT&venue=binance&order=desc&limit=1"))
                        .get("data")
                        .get(0)
                        .get("openTime")
                        .asLong();
        long from = newest - 25 * 60_000L;
        long to = newest - 5 * 60_000L;
        String query =
                "/v1/candles?symbol=ETH-USDT&venue=binance&interval=1m&from=" + from + "&to=" + to;
        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page =
                    json(get(query + "&limit=7" + (cursor == null ? "" : "&cursor=" + cursor)));
            page.get("data").forEach(c -> paged.add(row(c)));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        List<String> whole = new ArrayList<>();
        json(get(query + "&limit=1000")).get("data").forEach(c -> whole.add(row(c)));
        assertThat(paged).isEqualTo(whole).hasSize(20);
        List<String> direct = fromClickHouse("ETH-USDT", from, to);
        assertThat(whole).isEqualTo(direct);
    }

    /** The same candles read from ClickHouse directly, FINAL, in the same form as {@link #row}. */
    static List<String> fromClickHouse(String symbol, long from, long to) throws Exception {
        String sql =
                "SELECT toUnixTimestamp64Milli(open_time), toString(open), toString(high),"
                        + " toString(low), toString(close), toString(volume), trade_count FROM "
                        + Pipeline.DATABASE
                        + ".candles FINAL WHERE venue='binance' AND symbol='"
                        + symbol
                        + "' AND interval='1m' AND is_final AND open_time >="
                        + " fromUnixTimestamp64Milli("
                        + from
                        + ") AND open_time <"
                        + " fromUnixTimestamp64Milli("
                        + to
                        + ") ORDER BY open_time";
        List<String> direct = new ArrayList<>();
        for (String line : pipeline.clickHouse().execute(sql).strip().split("\n")) {
            String[] f = line.split("\t");
            direct.add(
                    String.join(
                            "|",
                            f[0],
                            norm(f[1]),
                            norm(f[2]),
                            norm(f[3]),
                            norm(f[4]),
                            norm(f[5]),
                            f[6]));
        }
        return direct;
    }

    static String row(JsonNode c) {
        return String.join(
                "|",
                c.get("openTime").asText(),
                norm(c.get("open").asText()),
                norm(c.get("high").asText()),
                norm(c.get("low").asText()),
                norm(c.get("close").asText()),
                norm(c.get("volume").asText()),
                c.get("tradeCount").asText());
    }

    static String norm(String decimal) {
        return new BigDecimal(decimal).stripTrailingZeros().toPlainString();
    }

    @Test
    void csvOnRequest() {
        HttpResponse<String> r =
                get(
                        "/v1/candles?symbol=BTC-USDT&venue=binance&order=desc&limit=3",
                        "Accept",
                        "text/csv");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String[] lines = r.body().split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0])
                .startsWith("venue,symbol,interval,open_time,close_time,open,high,low,close");
        assertThat(lines[1]).startsWith("binance,BTC-USDT,1m,");
        assertThat(r.headers().firstValue("X-Next-Cursor")).isPresent();
    }

    @Test
    void consolidatedCandlesCarryTheirVenues() throws Exception {
        JsonNode c =
                json(get("/v1/candles?symbol=BTC-USDT&venue=consolidated&order=desc&limit=1"))
                        .get("data")
                        .get(0);
        assertThat(c.get("venue").asText()).isEqualTo("consolidated");
        assertThat(c.get("includedVenues").isArray()).isTrue();
        assertThat(c.get("medianPrice").isTextual()).isTrue();
        JsonNode venueCandle =
                json(get("/v1/candles?symbol=BTC-USDT&venue=binance&order=desc&limit=1"))
                        .get("data")
                        .get(0);
        assertThat(venueCandle.has("includedVenues")).isFalse();
    }

    @Test
    void symbolsListEverySeries() throws Exception {
        JsonNode data = json(get("/v1/symbols")).get("data");
        List<String> symbols = new ArrayList<>();
        data.forEach(s -> symbols.add(s.get("symbol").asText()));
        assertThat(symbols).containsAll(Pipeline.SYMBOLS);
        assertThat(data.get(0).get("venues").toString()).contains("binance", "consolidated");
        assertThat(data.get(0).get("intervals").toString()).contains("1m");
    }

    @Test
    void latestPricesConsolidatedAndFallback() throws Exception {
        HttpResponse<String> r = get("/v1/prices/latest?symbols=BTC-USDT,XRP-USDT");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode data = json(r).get("data");
        assertThat(data).hasSize(2);
        JsonNode btc = data.get(0);
        assertThat(btc.get("symbol").asText()).isEqualTo("BTC-USDT");
        assertThat(btc.get("consolidated").asBoolean()).isTrue();
        assertThat(btc.get("source").asText()).isEqualTo("consolidated");
        assertThat(btc.get("includedVenues").toString()).as(btc.toString()).contains("binance");
        assertThat(btc.get("venues").get(0).get("venue").asText()).isEqualTo("binance");
        assertThat(new BigDecimal(btc.get("volume24h").asText())).isPositive();
        JsonNode xrp = data.get(1);
        assertThat(xrp.get("symbol").asText()).isEqualTo("XRP-USDT");
        assertThat(xrp.get("consolidated").asBoolean()).as(xrp.toString()).isFalse();
        assertThat(xrp.get("source").asText()).isEqualTo("binance");
        assertThat(xrp.get("includedVenues").toString()).contains("binance");
        assertThat(xrp.get("venues").get(0).get("deviationBps").asText()).isEqualTo("0.00");
    }

    @Test
    void outliersNewestFirstAndFiltered() throws Exception {
        JsonNode all = json(get("/v1/outliers?symbol=BTC-USDT")).get("data");
        assertThat(all.size()).isGreaterThanOrEqualTo(3);
        assertThat(all.get(0).get("time").asLong()).isGreaterThan(all.get(1).get("time").asLong());
        JsonNode okx = json(get("/v1/outliers?symbol=BTC-USDT&venue=okx")).get("data");
        okx.forEach(o -> assertThat(o.get("venue").asText()).isEqualTo("okx"));
        assertThat(okx.size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void venueHealthAndServiceHealth() throws Exception {
        JsonNode venues = json(get("/v1/venues/health")).get("data");
        JsonNode binance = null;
        for (JsonNode v : venues) {
            if (v.get("venue").asText().equals("binance")) {
                binance = v;
            }
        }
        assertThat(binance).isNotNull();
        assertThat(binance.get("state").asText()).isIn("open", "backfilling");
        assertThat(binance.get("connections")).isNotEmpty();
        assertThat(binance.get("lastStreamEventTime").asLong()).isPositive();
        HttpResponse<String> health = contract.check(http.get("/health"));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health).get("checks").get("kafka").get("topics").get("candles").asBoolean())
                .isTrue();
        HttpResponse<String> metrics = contract.check(http.get("/metrics"));
        assertThat(metrics.body())
                .contains("candleflow_http_requests", "jvm_memory_used_bytes", "cache_gets");
    }

    @Test
    void errorsAreProblemsInTheContract() throws Exception {
        HttpResponse<String> bad = get("/v1/candles?symbol=BTC-USDT&venue=binance&interval=7m");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/problem+json");
        assertThat(json(bad).get("parameter").asText()).isEqualTo("interval");
        HttpResponse<String> unknown = get("/v1/candles?symbol=DOGE-USDT&venue=binance");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("detail").asText()).contains("DOGE-USDT");
    }
}
