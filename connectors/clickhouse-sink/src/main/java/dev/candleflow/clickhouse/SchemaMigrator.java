package dev.candleflow.clickhouse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the {@code sql/clickhouse} migrations in order and records each in {@code
 * <db>.schema_migrations}. Every statement is idempotent, so a run cut short is simply run again; a
 * migration whose text changed after it was applied stops the run.
 */
public final class SchemaMigrator {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    private final ClickHouseConnectionOptions options;
    private final List<Migration> migrations;

    public SchemaMigrator(ClickHouseConnectionOptions options, List<Migration> migrations) {
        this.options = options;
        this.migrations = List.copyOf(migrations);
    }

    /** Applies what is missing; returns the versions applied now. */
    public List<Integer> migrate() throws SQLException {
        String db = options.database();
        try (Connection c = options.connectToServer();
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE IF NOT EXISTS " + db + " ENGINE = Atomic");
            st.execute(
                    "CREATE TABLE IF NOT EXISTS "
                            + db
                            + ".schema_migrations (version UInt32, name String,"
                            + " checksum String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3))"
                            + " ENGINE = MergeTree ORDER BY version");
            Map<Integer, String> applied = applied(st, db);
            List<Integer> now = new java.util.ArrayList<>();
            for (Migration m : migrations) {
                String known = applied.get(m.version());
                if (known != null) {
                    if (!known.equals(m.checksum())) {
                        throw new SQLException(
                                "Migration "
                                        + m.version()
                                        + "_"
                                        + m.name()
                                        + " changed after it was applied"
                                        + " to "
                                        + db
                                        + "; add a new migration instead of editing it");
                    }
                    continue;
                }
                LOG.info("Applying ClickHouse migration {}_{} to {}", m.version(), m.name(), db);
                st.execute(m.sqlFor(db));
                record(c, db, m);
                now.add(m.version());
            }
            return now;
        }
    }

    private static Map<Integer, String> applied(Statement st, String db) throws SQLException {
        Map<Integer, String> applied = new HashMap<>();
        try (ResultSet rs =
                st.executeQuery("SELECT version, checksum FROM " + db + ".schema_migrations")) {
            while (rs.next()) {
                applied.put(rs.getInt(1), rs.getString(2));
            }
        }
        return applied;
    }

    private static void record(Connection c, String db, Migration m) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "INSERT INTO "
                                + db
                                + ".schema_migrations (version, name, checksum) VALUES (?, ?,"
                                + " ?)")) {
            ps.setInt(1, m.version());
            ps.setString(2, m.name());
            ps.setString(3, m.checksum());
            ps.executeUpdate();
        }
    }
}
