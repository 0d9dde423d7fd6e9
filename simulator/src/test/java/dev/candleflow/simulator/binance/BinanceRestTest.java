package dev.candleflow.simulator.binance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candleflow.simulator.BinanceSimulator;
import dev.candleflow.simulator.market.SimTrade;
import dev.candleflow.simulator.testutils.BinanceFrames;
import dev.candleflow.simulator.testutils.Http;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Binance's REST trade history, served from the same published trades as the stream. */
class BinanceRestTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final long START = 1_700_000_040_000L;

    private BinanceSimulator sim;

    @AfterEach
    void close() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void historicalTradesFromIdReturnsExactlyThePublishedTradesInIdOrder() throws Exception {
        sim = boundedRun(100_000);
        List<SimTrade> btc = published("BTCUSDT");
        long from = btc.get(10).tradeId();

        Http.Response response =
                Http.get(
                        sim.restBaseUri(),
                        "/api/v3/historicalTrades?symbol=BTCUSDT&fromId=" + from + "&limit=50");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        JsonNode array = response.json();
        assertThat(array.size()).isEqualTo(50);
        for (int i = 0; i < 50; i++) {
            JsonNode item = array.get(i);
            SimTrade expected = btc.get(10 + i);
            assertThat(item.fieldNames())
                    .toIterable()
                    .containsExactly(
                            "id",
                            "price",
                            "qty",
                            "quoteQty",
                            "time",
                            "isBuyerMaker",
                            "isBestMatch");
            assertThat(BinanceFrames.restTrade("BTCUSDT", item)).isEqualTo(expected);
            BigDecimal quote = expected.price().multiply(expected.quantity());
            assertThat(new BigDecimal(item.get("quoteQty").asText()))
                    .isEqualByComparingTo(quote.setScale(8, RoundingMode.HALF_UP));
            assertThat(item.get("isBestMatch").asBoolean()).isTrue();
        }
    }

    @Test
    void limitDefaultsTo500IsClampedTo1000AndNoFromIdMeansMostRecent() throws Exception {
        sim = boundedRun(100_000);
        List<SimTrade> eth = published("ETHUSDT");
        assertThat(eth).hasSizeGreaterThan(1_200);

        JsonNode recent =
                Http.get(sim.restBaseUri(), "/api/v3/historicalTrades?symbol=ETHUSDT").json();
        assertThat(recent.size()).isEqualTo(500);
        assertThat(BinanceFrames.restTrade("ETHUSDT", recent.get(499)))
                .isEqualTo(eth.get(eth.size() - 1));
        assertThat(BinanceFrames.restTrade("ETHUSDT", recent.get(0)))
                .isEqualTo(eth.get(eth.size() - 500));

        long first = eth.get(0).tradeId();
        JsonNode clamped =
                Http.get(
                                sim.restBaseUri(),
                                "/api/v3/historicalTrades?symbol=ETHUSDT&limit=5000&fromId="
                                        + first)
                        .json();
        assertThat(clamped.size()).isEqualTo(1_000);
        JsonNode latest =
                Http.get(sim.restBaseUri(), "/api/v3/trades?symbol=ETHUSDT&limit=3").json();
        assertThat(BinanceFrames.restTrade("ETHUSDT", latest.get(2)))
                .isEqualTo(eth.get(eth.size() - 1));
    }

    @Test
    void idsOlderThanTheRetentionAreAbsent() throws Exception {
        sim = boundedRun(100);
        List<SimTrade> btc = published("BTCUSDT");
        long first = btc.get(0).tradeId();

        JsonNode array =
                Http.get(
                                sim.restBaseUri(),
                                "/api/v3/historicalTrades?symbol=BTCUSDT&limit=1000&fromId="
                                        + first)
                        .json();

        assertThat(array.size()).isEqualTo(100);
        assertThat(BinanceFrames.restTrade("BTCUSDT", array.get(0)))
                .isEqualTo(btc.get(btc.size() - 100));
    }

    @Test
    void badRequestsGetBinanceErrors() throws Exception {
        sim = BinanceSimulator.builder().symbols("BTCUSDT").build().start();

        assertError("/api/v3/historicalTrades?symbol=DOGEUSDT", -1121, "Invalid symbol.");
        assertError("/api/v3/historicalTrades", -1102, "Mandatory parameter 'symbol'");
        assertError("/api/v3/historicalTrades?symbol=BTCUSDT&fromId=abc", -1100, "'fromId'");
        assertError("/api/v3/historicalTrades?symbol=BTCUSDT&limit=0", -1130, "'limit'");
        assertThat(Http.get(sim.restBaseUri(), "/api/v3/nothing").status()).isEqualTo(404);
        assertThat(Http.get(sim.restBaseUri(), "/api/v3/historicalTrades?symbol=BTCUSDT").body())
                .isEqualTo("[]");
        assertThat(sim.faults().stats().restRequests()).isEqualTo(6);
    }

    private void assertError(String pathAndQuery, int code, String message) {
        Http.Response response = Http.get(sim.restBaseUri(), pathAndQuery);
        assertThat(response.status()).as(pathAndQuery).isEqualTo(400);
        assertThat(response.json().get("code").asInt()).isEqualTo(code);
        assertThat(response.json().get("msg").asText()).contains(message);
    }

    private BinanceSimulator boundedRun(int historyCapacity) throws Exception {
        BinanceSimulator s =
                BinanceSimulator.builder()
                        .symbols("BTCUSDT", "ETHUSDT")
                        .seed(3)
                        .tradesPerSecond(50)
                        .speed(1_000)
                        .startTimeMillis(START)
                        .eventDuration(Duration.ofSeconds(30))
                        .historyCapacity(historyCapacity)
                        .startOnFirstSubscription(false)
                        .build()
                        .start();
        assertThat(s.awaitFinished(WAIT)).isTrue();
        return s;
    }

    private List<SimTrade> published(String symbol) {
        return new ArrayList<>(
                sim.publishedTrades().stream().filter(t -> t.symbol().equals(symbol)).toList());
    }
}
