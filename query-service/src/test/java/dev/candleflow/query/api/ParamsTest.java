package dev.candleflow.query.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candleflow.model.CandleInterval;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Parameter validation, cursors, decimals and problem bodies. */
class ParamsTest {

    static Params params(Map<String, String> q, String... allowed) {
        Map<String, List<String>> raw = new java.util.LinkedHashMap<>();
        q.forEach((k, v) -> raw.put(k, List.of(v)));
        return Params.of(raw, Set.of(allowed));
    }

    static ApiException bad(Runnable r) {
        try {
            r.run();
        } catch (ApiException e) {
            return e;
        }
        throw new AssertionError("no ApiException");
    }

    @Test
    void unknownRepeatedAndOversizedParametersAre400() {
        assertThat(bad(() -> params(Map.of("intrval", "1m"), "interval")).detail())
                .contains("Unknown parameter 'intrval'", "[interval]");
        ApiException repeated =
                bad(() -> Params.of(Map.of("limit", List.of("1", "2")), Set.of("limit")));
        assertThat(repeated.detail()).contains("repeated");
        assertThat(bad(() -> params(Map.of("symbol", "x".repeat(600)), "symbol")).status())
                .isEqualTo(400);
    }

    @Test
    void symbolsAreCanonicalOrRejected() {
        assertThat(Params.symbol("symbol", "btc-usdt")).isEqualTo("BTC-USDT");
        for (String probe :
                List.of("BTC-US'DT", "' OR 1=1", "BTCUSDT", "BTC--USDT", "{s:String}")) {
            ApiException e = bad(() -> Params.symbol("symbol", probe));
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.parameter()).isEqualTo("symbol");
        }
        assertThat(
                        params(Map.of("symbols", "btc-usdt, ETH-USDT,BTC-USDT"), "symbols")
                                .symbols("symbols", 5))
                .containsExactly("BTC-USDT", "ETH-USDT");
    }

    @Test
    void venuesMustBeKnown() {
        assertThat(Params.venue("venue", "Binance", Set.of("binance"))).isEqualTo("binance");
        assertThat(bad(() -> Params.venue("venue", "binance' --", Set.of("binance"))).detail())
                .contains("Unknown venue", "[binance]");
        assertThat(bad(() -> Params.venue("venue", "okx", Set.of("binance"))).status())
                .isEqualTo(400);
    }

    @Test
    void timesLimitsIntervalsAndOrder() {
        Params p =
                params(
                        Map.of(
                                "from",
                                "2026-11-21T09:00:00Z",
                                "to",
                                "1795251600000",
                                "limit",
                                "10",
                                "order",
                                "desc",
                                "interval",
                                "5m"),
                        "from",
                        "to",
                        "limit",
                        "order",
                        "interval");
        assertThat(p.time("from")).hasValue(1795251600000L);
        assertThat(p.time("to")).hasValue(1795251600000L);
        assertThat(p.limit("limit", 500, 1000)).isEqualTo(10);
        assertThat(p.descending("order")).isTrue();
        assertThat(p.interval("interval", CandleInterval.M1)).isEqualTo(CandleInterval.M5);
    }

    @Test
    void badTimesLimitsIntervalsAndOrdersAre400() {
        assertThat(bad(() -> params(Map.of("from", "-5"), "from").time("from")).status())
                .isEqualTo(400);
        assertThat(bad(() -> params(Map.of("from", "yesterday"), "from").time("from")).parameter())
                .isEqualTo("from");
        assertThat(bad(() -> params(Map.of("limit", "0"), "limit").limit("limit", 1, 10)).status())
                .isEqualTo(400);
        assertThat(bad(() -> params(Map.of("limit", "11"), "limit").limit("limit", 1, 10)).status())
                .isEqualTo(400);
        assertThat(bad(() -> params(Map.of("order", "up"), "order").descending("order")).status())
                .isEqualTo(400);
        assertThat(
                        bad(() ->
                                        params(Map.of("interval", "7m"), "interval")
                                                .interval("interval", null))
                                .detail())
                .contains("7m", "1s, 1m");
        assertThatThrownBy(() -> params(Map.of(), "symbol").required("symbol"))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void cursorsOnlyContinueTheirOwnQuery() {
        long series = Cursor.series("binance", "BTC-USDT", "1m");
        Cursor c =
                new Cursor(
                        true, 1_700_000_060_000L, 1_700_000_000_000L, 1_700_003_600_000L, series);
        assertThat(Cursor.decode(c.encode(), series)).isEqualTo(c);
        long other = Cursor.series("binance", "ETH-USDT", "1m");
        assertThat(bad(() -> Cursor.decode(c.encode(), other)).detail()).contains("another symbol");
        assertThat(bad(() -> Cursor.decode("not a cursor!", series)).parameter())
                .isEqualTo("cursor");
        assertThat(bad(() -> Cursor.decode("YzE6YTox", series)).status()).isEqualTo(400);
    }

    @Test
    void decimalsAreExactStringsWithoutTrailingZeros() {
        assertThat(Json.decimal(new java.math.BigDecimal("30236.120000000000000000")))
                .isEqualTo("30236.12");
        assertThat(Json.decimal(new java.math.BigDecimal("0E-18"))).isEqualTo("0");
        assertThat(Json.decimal(new java.math.BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(
                        PricesEndpoint.bps(
                                new java.math.BigDecimal("101"), new java.math.BigDecimal("100")))
                .isEqualTo("100.00");
        assertThat(CandleCsv.field("a,b")).isEqualTo("\"a,b\"");
    }

    @Test
    void problemsFollowRfc9457() throws Exception {
        ApiResponse r =
                ApiResponse.problem(ApiException.badParameter("limit", "bad"), "/v1/candles");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        var json = Json.MAPPER.readTree(r.body());
        assertThat(json.get("type").asText()).isEqualTo("/problems/invalid-parameter");
        assertThat(json.get("status").asInt()).isEqualTo(400);
        assertThat(json.get("instance").asText()).isEqualTo("/v1/candles");
        assertThat(json.get("parameter").asText()).isEqualTo("limit");
    }
}
