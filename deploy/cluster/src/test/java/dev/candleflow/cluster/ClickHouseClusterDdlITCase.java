package dev.candleflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.clickhouse.Migration;
import dev.candleflow.cluster.testutils.ClusterDdl;
import dev.candleflow.local.ClickHouseExtension;
import dev.candleflow.local.ClickHouseServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The cluster DDL through a real ClickHouse: every statement parses (formatQuery, macros and ON
 * CLUSTER included), and with replication taken out each local table is exactly the table the
 * single-server migrations build: columns, types, defaults, codecs, engine, keys and TTL.
 */
@ExtendWith(ClickHouseExtension.class)
class ClickHouseClusterDdlITCase {

    @Test
    void everyStatementParses(ClickHouseServer ch) throws Exception {
        for (Map.Entry<String, String> f : ClusterDdl.files(ClusterDdl.CLUSTER).entrySet()) {
            String formatted =
                    ch.execute(
                            "SELECT formatQuery('"
                                    + f.getValue().replace("\\", "\\\\").replace("'", "\\'")
                                    + "')");
            assertThat(formatted).as(f.getKey()).isNotBlank();
        }
    }

    @Test
    void theLocalTablesAreTheMigratedTablesWithReplication(ClickHouseServer ch) throws Exception {
        for (Map.Entry<String, String> f : ClusterDdl.files(ClusterDdl.MIGRATIONS).entrySet()) {
            ch.execute(Migration.of(f.getKey(), f.getValue()).sqlFor("ddl_single"));
        }
        for (String sql : ClusterDdl.files(ClusterDdl.CLUSTER).values()) {
            if (sql.contains("ENGINE = Distributed")
                    || sql.contains("CREATE VIEW")
                    || sql.contains("INSERT INTO")) {
                continue; // they need the cluster; formatQuery above checked them
            }
            ch.execute(singleServer(sql));
        }
        for (String t : ClusterDdl.migrationTables()) {
            assertThat(describe(ch, "ddl_single", t)).as(t).contains("\t"); // the table exists
            assertThat(describe(ch, "ddl_cluster", t + "_local"))
                    .as(t)
                    .isEqualTo(describe(ch, "ddl_single", t));
            assertThat(definition(ch, "ddl_cluster", t + "_local"))
                    .as(t)
                    .isEqualTo(definition(ch, "ddl_single", t));
        }
    }

    /** The statement for one server in database ddl_cluster: no ON CLUSTER, no replication. */
    static String singleServer(String sql) {
        return ClusterDdl.withoutComments(sql)
                .replace(" ON CLUSTER '{cluster}'", "")
                .replaceAll("Replicated(\\w+)\\('[^']*', '\\{replica\\}'(?:, )?", "$1(")
                .replace("market.", "ddl_cluster.")
                .replace("EXISTS market ", "EXISTS ddl_cluster ");
    }

    static String describe(ClickHouseServer ch, String db, String table) throws Exception {
        return ch.execute(
                "SELECT name, type, default_kind, default_expression, compression_codec FROM"
                        + " system.columns WHERE database = '"
                        + db
                        + "' AND table = '"
                        + table
                        + "' ORDER BY position");
    }

    static String definition(ClickHouseServer ch, String db, String table) throws Exception {
        return ch.execute(
                "SELECT engine, partition_key, sorting_key, primary_key,"
                        + " replaceRegexpOne(engine_full, '^.*? (PARTITION|ORDER) BY', '\\\\1 BY')"
                        + " FROM system.tables WHERE database = '"
                        + db
                        + "' AND name = '"
                        + table
                        + "'");
    }
}
