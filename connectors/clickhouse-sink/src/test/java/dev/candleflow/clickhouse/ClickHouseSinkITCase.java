package dev.candleflow.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candleflow.local.ClickHouseExtension;
import dev.candleflow.local.ClickHouseServer;
import dev.candleflow.model.Candle;
import dev.candleflow.model.CandleInterval;
import dev.candleflow.model.DeadLetter;
import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Venue;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Migrations and row mapping against a real ClickHouse (chDB) server. */
@ExtendWith(ClickHouseExtension.class)
class ClickHouseSinkITCase {

    /** A recent minute: retention rules drop candles that are already old at insert. */
    static final long OPEN = (System.currentTimeMillis() - 86_400_000L) / 60_000L * 60_000L * 1000L;

    static ClickHouseConnectionOptions options(ClickHouseServer server, String db) {
        return new ClickHouseConnectionOptions(
                "jdbc:clickhouse://127.0.0.1:" + server.httpPort(),
                db,
                ClickHouseServer.USER,
                ClickHouseServer.PASSWORD);
    }

    static Candle candle(int revision, String close) {
        return new Candle(
                Venue.BINANCE,
                InstrumentId.parse("BTC-USDT"),
                CandleInterval.M1,
                (OPEN),
                new BigDecimal("30236.12000000"),
                new BigDecimal("30240.00000000"),
                new BigDecimal("30230.50000000"),
                new BigDecimal(close),
                new BigDecimal("1.23456789"),
                new BigDecimal("37321.1234567812345678"),
                new BigDecimal("30230.123456789012345678"),
                new BigDecimal("1E+1"),
                new BigDecimal("0.000000000000000001"),
                42,
                "100",
                "141",
                (OPEN + 123_456L),
                (OPEN + 59_999_999L),
                "",
                "",
                BigDecimal.ZERO,
                true,
                revision);
    }

    @Test
    void migratesOnceAndRecordsVersions(ClickHouseServer server) throws Exception {
        SchemaMigrator migrator =
                new SchemaMigrator(options(server, "it_migrate"), Migrations.fromClasspath());
        List<Integer> first = migrator.migrate();
        List<Integer> shipped =
                Migrations.fromClasspath().stream().map(Migration::version).toList();
        assertThat(shipped).startsWith(1, 2, 3, 4, 5, 6);
        assertThat(first).isEqualTo(shipped);
        assertThat(migrator.migrate()).isEmpty();
        assertThat(
                        server.execute(
                                        "SELECT engine FROM system.databases WHERE name ="
                                                + " 'it_migrate'")
                                .strip())
                .isEqualTo("Atomic");
        assertThat(server.execute("SELECT count() FROM it_migrate.schema_migrations").strip())
                .isEqualTo(Integer.toString(shipped.size()));
    }

    @Test
    void refusesAMigrationEditedAfterItWasApplied(ClickHouseServer server) throws Exception {
        ClickHouseConnectionOptions opts = options(server, "it_edited");
        new SchemaMigrator(
                        opts,
                        List.of(Migration.of("001_db.sql", "CREATE DATABASE IF NOT EXISTS market")))
                .migrate();
        SchemaMigrator edited =
                new SchemaMigrator(
                        opts,
                        List.of(
                                Migration.of(
                                        "001_db.sql",
                                        "CREATE DATABASE IF NOT EXISTS market ENGINE = Atomic")));
        assertThatThrownBy(edited::migrate)
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("changed after");
    }

    @Test
    void candlesRoundTripExactlyAndRevisionsCollapse(ClickHouseServer server) throws Exception {
        ClickHouseConnectionOptions opts = options(server, "it_rows");
        new SchemaMigrator(opts, Migrations.fromClasspath()).migrate();
        try (Connection c =
                DriverManager.getConnection(opts.databaseUrl(), opts.user(), opts.password())) {
            insert(
                    c,
                    opts,
                    List.of(
                            candle(0, "30235.00000000"),
                            candle(0, "30235.00000000"),
                            candle(1, "30239.99000000")));
            try (Statement st = c.createStatement();
                    ResultSet rs =
                            st.executeQuery(
                                    "SELECT count(), any(close), any(revision),"
                                        + " toUnixTimestamp64Milli(any(open_time)),"
                                        + " toUnixTimestamp64Milli(any(close_time)),"
                                        + " any(quote_volume), any(vwap), any(taker_buy_volume),"
                                        + " any(taker_buy_quote_volume),"
                                        + " toUnixTimestamp64Micro(any(first_trade_time)),"
                                        + " length(any(included_venues)) FROM it_rows.candles"
                                        + " FINAL")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(1);
                assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("30239.99");
                assertThat(rs.getInt(3)).isEqualTo(1);
                assertThat(rs.getLong(4)).isEqualTo((OPEN / 1000L));
                assertThat(rs.getLong(5)).isEqualTo((OPEN / 1000L + 60_000L));
                assertThat(rs.getBigDecimal(6)).isEqualByComparingTo("37321.1234567812345678");
                assertThat(rs.getBigDecimal(7)).isEqualByComparingTo("30230.123456789012345678");
                assertThat(rs.getBigDecimal(8)).isEqualByComparingTo("10");
                assertThat(rs.getBigDecimal(9)).isEqualByComparingTo("0.000000000000000001");
                assertThat(rs.getLong(10)).isEqualTo((OPEN + 123_456L));
                assertThat(rs.getInt(11)).isZero();
            }
        }
    }

    @Test
    void deadLettersKeepPayloadAndMicroseconds(ClickHouseServer server) throws Exception {
        ClickHouseConnectionOptions opts = options(server, "it_dead");
        new SchemaMigrator(opts, Migrations.fromClasspath()).migrate();
        DeadLetter d =
                new DeadLetter(
                        Venue.BINANCE,
                        "malformed_json",
                        "eof",
                        "{\"e\":'quote\\",
                        1_700_000_000_123_456L);
        try (Connection c =
                        DriverManager.getConnection(
                                opts.databaseUrl(), opts.user(), opts.password());
                PreparedStatement ps =
                        c.prepareStatement(CandleStatements.insertDeadLetters("it_dead"))) {
            CandleStatements.bindDeadLetter(ps, d);
            ps.executeUpdate();
        }
        assertThat(
                        server.execute(
                                        "SELECT reason, payload,"
                                                + " toUnixTimestamp64Micro(received_at) FROM"
                                                + " it_dead.dead_letters FORMAT TSVRaw")
                                .strip())
                .isEqualTo("malformed_json\t{\"e\":'quote\\\t1700000000123456");
    }

    private static void insert(Connection c, ClickHouseConnectionOptions opts, List<Candle> candles)
            throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(CandleStatements.insertCandles(opts.database()))) {
            for (Candle candle : candles) {
                CandleStatements.bindCandle(ps, candle);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
