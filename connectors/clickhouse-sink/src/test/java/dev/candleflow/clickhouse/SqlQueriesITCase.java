package dev.candleflow.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.local.ClickHouseExtension;
import dev.candleflow.local.ClickHouseServer;
import dev.candleflow.model.Candle;
import dev.candleflow.model.CandleInterval;
import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.OutlierEvent;
import dev.candleflow.model.Venue;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every analyst query in sql/queries runs against the real ClickHouse and says the right thing. */
@ExtendWith(ClickHouseExtension.class)
class SqlQueriesITCase {

    static final String DB = "it_queries";
    static final InstrumentId BTC = InstrumentId.parse("BTC-USDT");

    /** Yesterday, UTC: recent enough for every retention rule. */
    static final LocalDate DAY = LocalDate.now(ZoneOffset.UTC).minusDays(1);

    static final long DAY_MICROS = DAY.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000L;

    @BeforeAll
    static void data() throws Exception {
        ClickHouseServer server = ClickHouseExtension.server();
        ClickHouseConnectionOptions opts = ClickHouseSinkITCase.options(server, DB);
        new SchemaMigrator(opts, Migrations.fromClasspath()).migrate();
        try (Connection c =
                        DriverManager.getConnection(
                                opts.databaseUrl(), opts.user(), opts.password());
                PreparedStatement candles = c.prepareStatement(CandleStatements.insertCandles(DB));
                PreparedStatement outliers =
                        c.prepareStatement(CandleStatements.insertOutliers(DB))) {
            for (int minute = 0; minute < 120; minute++) {
                long open = DAY_MICROS + minute * 60_000_000L;
                // binance at the market, okx 20 bps above it; consolidated built from binance alone
                CandleStatements.bindCandle(candles, candle(Venue.BINANCE, open, "30000", 0));
                candles.addBatch();
                CandleStatements.bindCandle(candles, candle(Venue.OKX, open, "30060", 0));
                candles.addBatch();
                CandleStatements.bindCandle(candles, candle(null, open, "30000", 0));
                candles.addBatch();
            }
            // a revision of the last consolidated minute: the views must show only it
            CandleStatements.bindCandle(
                    candles, candle(null, DAY_MICROS + 119 * 60_000_000L, "30001", 1));
            candles.addBatch();
            candles.executeBatch();
            CandleStatements.bindOutlier(
                    outliers,
                    new OutlierEvent(
                            BTC,
                            Venue.OKX,
                            DAY_MICROS + 60_000_000L,
                            OutlierEvent.OutlierRule.OFF_MARKET,
                            OutlierEvent.OutlierAction.EXCLUDED,
                            new BigDecimal("30060"),
                            new BigDecimal("30000"),
                            20.0,
                            6.0,
                            OutlierEvent.Severity.WARNING,
                            ""));
            outliers.executeUpdate();
        }
    }

    static Candle candle(Venue venue, long open, String price, int revision) {
        BigDecimal p = new BigDecimal(price);
        return new Candle(
                venue,
                BTC,
                CandleInterval.M1,
                open,
                p,
                p,
                p,
                p,
                BigDecimal.ONE,
                p,
                p,
                BigDecimal.ZERO,
                BigDecimal.ZERO,
                3,
                "1",
                "3",
                open + 1,
                open + 59_000_000L,
                venue == null ? "binance" : "",
                venue == null ? "okx" : "",
                venue == null ? p : BigDecimal.ZERO,
                true,
                revision);
    }

    @Test
    void latestPrices(ClickHouseServer server) throws Exception {
        assertThat(run(server, "latest_prices.sql", Map.of()))
                .isEqualTo("BTC-USDT\t30001\t" + minute(119) + "\t['binance']\n");
    }

    @Test
    void aDayOfMinuteCandles(ClickHouseServer server) throws Exception {
        String rows =
                run(
                        server,
                        "day_of_1m_candles.sql",
                        Map.of("symbol", "BTC-USDT", "venue", "okx", "day", DAY.toString()));
        assertThat(rows.lines()).hasSize(120);
        assertThat(rows.lines().findFirst().orElseThrow())
                .startsWith(minute(0) + "\t30060\t30060\t");
        assertThat(
                        run(
                                server,
                                "day_of_1m_candles.sql",
                                Map.of(
                                        "symbol",
                                        "BTC-USDT",
                                        "venue",
                                        "okx",
                                        "day",
                                        DAY.minusDays(1).toString())))
                .isEmpty();
    }

    @Test
    void venueDeviation(ClickHouseServer server) throws Exception {
        String rows = run(server, "venue_deviation.sql", Map.of("symbol", "BTC-USDT"));
        // two hours, two venues; okx sits 20 bps above the consolidated market
        assertThat(rows.lines()).hasSize(4);
        assertThat(rows)
                .contains("okx\t" + hour(0) + "\t20\t20\t60")
                .contains("binance\t" + hour(0) + "\t0\t0\t60");
    }

    @Test
    void outliersPerVenue(ClickHouseServer server) throws Exception {
        assertThat(run(server, "outliers_per_venue.sql", Map.of("since", minute(0))))
                .isEqualTo("okx\toff_market\texcluded\t1\t20\n");
    }

    @Test
    void everyQueryFileHasATest() throws IOException {
        try (Stream<Path> files = Files.list(QUERIES)) {
            assertThat(files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrder(
                            "latest_prices.sql",
                            "day_of_1m_candles.sql",
                            "venue_deviation.sql",
                            "outliers_per_venue.sql");
        }
    }

    static final Path QUERIES = Path.of("../../sql/queries");

    /** Runs a query file over HTTP with ClickHouse's own query parameters; TSV rows back. */
    static String run(ClickHouseServer server, String file, Map<String, String> params)
            throws Exception {
        String sql = Files.readString(QUERIES.resolve(file)).replace("market.", DB + ".");
        StringBuilder url = new StringBuilder(server.httpUrl()).append("/?default_format=TSV");
        params.forEach(
                (k, v) ->
                        url.append("&param_")
                                .append(k)
                                .append('=')
                                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpResponse<String> r =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(url.toString()))
                                        .POST(HttpRequest.BodyPublishers.ofString(sql))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("%s: %s", file, r.body()).isEqualTo(200);
        return r.body();
    }

    static String minute(int m) {
        return CandleStatements.millis(DAY_MICROS + m * 60_000_000L);
    }

    static String hour(int h) {
        return CandleStatements.millis(DAY_MICROS + h * 3_600_000_000L).substring(0, 19);
    }
}
