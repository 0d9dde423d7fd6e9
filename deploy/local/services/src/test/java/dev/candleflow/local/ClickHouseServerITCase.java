package dev.candleflow.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real chDB server: JDBC round trip, ReplacingMergeTree dedupe, stop, restart with data. */
class ClickHouseServerITCase {

    private static final String DDL =
            "CREATE TABLE IF NOT EXISTS market.candles_it ("
                    + " venue LowCardinality(String), symbol LowCardinality(String),"
                    + " open_time DateTime64(3, 'UTC'), close Decimal(38, 18), revision UInt32)"
                    + " ENGINE = ReplacingMergeTree(revision) ORDER BY (venue, symbol, open_time)";
    private static final String INSERT =
            "INSERT INTO market.candles_it"
                    + " (venue, symbol, open_time, close, revision) VALUES (?, ?, ?, ?, ?)";
    private static final Instant OPEN = Instant.parse("2026-11-21T08:00:00Z");

    @TempDir Path dataDir;

    @Test
    void servesJdbcDedupesByRevisionStopsAndKeepsData() throws Exception {
        ClickHouseServer server = ClickHouseServer.start(dataDir);
        try {
            assertThat(FreePorts.isListening(server.tcpPort())).isTrue();
            server.execute("CREATE DATABASE IF NOT EXISTS market ENGINE = Atomic");
            server.execute(DDL);
            try (Connection connection = connect(server)) {
                insert(connection, "30236.120000000000000001", 2); // newer revision first ...
                insert(connection, "30000.5", 1); // ... and a replayed older one after it
                assertThat(query(connection, "SELECT close, revision FROM market.candles_it FINAL"))
                        .isEqualTo("30236.120000000000000001|2");
            }
            assertThat(server.execute("SELECT count() FROM market.candles_it FINAL").strip())
                    .isEqualTo("1");
        } finally {
            server.close();
        }
        assertStopped(server);
        server.close(); // idempotent

        try (ClickHouseServer restarted = ClickHouseServer.start(dataDir)) {
            assertThat(
                            restarted
                                    .execute("SELECT max(revision) FROM market.candles_it FINAL")
                                    .strip())
                    .isEqualTo("2");
        }
    }

    @Test
    void failedStatementReportsTheServerError() throws Exception {
        try (ClickHouseServer server = ClickHouseServer.start(dataDir)) {
            assertThatThrownBy(() -> server.execute("SELECT * FROM market.no_such_table"))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("HTTP 404")
                    .hasMessageContaining("UNKNOWN_DATABASE");
            assertThat(server.jdbcUrl("market"))
                    .isEqualTo("jdbc:clickhouse://127.0.0.1:" + server.httpPort() + "/market");
        }
    }

    private static Connection connect(ClickHouseServer server) throws Exception {
        // clickhouse-jdbc 0.9.x fails with REQUIRED_PASSWORD unless both are given explicitly
        return DriverManager.getConnection(
                server.jdbcUrl("market"), ClickHouseServer.USER, ClickHouseServer.PASSWORD);
    }

    private static void insert(Connection connection, String close, int revision) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, "binance");
            insert.setString(2, "BTC-USDT");
            insert.setTimestamp(3, Timestamp.from(OPEN));
            insert.setBigDecimal(4, new BigDecimal(close));
            insert.setInt(5, revision);
            insert.executeUpdate();
        }
    }

    private static String query(Connection connection, String sql) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            StringBuilder text = new StringBuilder();
            while (rows.next()) {
                text.append(rows.getBigDecimal(1).stripTrailingZeros().toPlainString())
                        .append('|')
                        .append(rows.getInt(2));
            }
            return text.toString();
        }
    }

    static void assertStopped(ClickHouseServer server) {
        assertThat(server.isRunning()).isFalse();
        assertThat(ProcessHandle.of(server.pid()).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(FreePorts.isFree(server.httpPort())).isTrue();
        assertThat(FreePorts.isFree(server.tcpPort())).isTrue();
    }
}
