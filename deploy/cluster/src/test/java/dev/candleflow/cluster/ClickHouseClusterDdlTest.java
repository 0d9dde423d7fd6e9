package dev.candleflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.clickhouse.Migration;
import dev.candleflow.cluster.testutils.ClusterDdl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The cluster DDL mirrors sql/clickhouse: a replicated local table and a Distributed table of the
 * same name per table, the same columns, every statement ON CLUSTER, and every migration recorded
 * as applied with its exact checksum (so the job's migrator leaves the cluster alone). The real
 * engine compares the definitions in {@code ClickHouseClusterDdlITCase}.
 */
class ClickHouseClusterDdlTest {

    @Test
    void everyTableHasAReplicatedLocalTableAndADistributedOne() throws Exception {
        List<String> tables = ClusterDdl.migrationTables();
        assertThat(tables)
                .containsExactlyInAnyOrder(
                        "candles", "dead_letters", "outliers", "feed_health", "trades");
        Map<String, String> migrations = ClusterDdl.files(ClusterDdl.MIGRATIONS);
        for (String t : tables) {
            String local = ClusterDdl.clusterCreate(t + "_local");
            String engine =
                    engine(
                            migrations.values().stream()
                                    .filter(s -> s.contains("market." + t + "\n("))
                                    .findFirst()
                                    .orElseThrow());
            String args =
                    engine.contains("(")
                            ? engine.substring(engine.indexOf('(') + 1, engine.length() - 1)
                            : "";
            String name = engine.contains("(") ? engine.substring(0, engine.indexOf('(')) : engine;
            assertThat(engine(local))
                    .as(t)
                    .isEqualTo(
                            "Replicated"
                                    + name
                                    + "('/clickhouse/tables/{shard}/market/"
                                    + t
                                    + "_local', '{replica}'"
                                    + (args.isEmpty() ? "" : ", " + args)
                                    + ")");
            assertThat(ClusterDdl.columns(local))
                    .as(t + " columns")
                    .isEqualTo(ClusterDdl.migrationColumns(t));
            String distributed = ClusterDdl.clusterCreate(t);
            assertThat(distributed)
                    .contains("market." + t + " ON CLUSTER '{cluster}' AS market." + t + "_local")
                    .contains("ENGINE = Distributed('{cluster}', market, " + t + "_local, ");
        }
    }

    @Test
    void everyStatementRunsOnTheWholeCluster() throws Exception {
        ClusterDdl.files(ClusterDdl.CLUSTER)
                .forEach(
                        (file, sql) -> {
                            if (!sql.contains("INSERT INTO")) {
                                assertThat(ClusterDdl.withoutComments(sql))
                                        .as(file)
                                        .contains(" ON CLUSTER '{cluster}'");
                            }
                        });
        for (String view : List.of("candles_final", "outliers_final")) {
            String mirror =
                    ClusterDdl.files(ClusterDdl.CLUSTER).values().stream()
                            .filter(
                                    s ->
                                            s.contains(
                                                    "CREATE VIEW IF NOT EXISTS market."
                                                            + view
                                                            + " "))
                            .findFirst()
                            .orElseThrow();
            String original =
                    ClusterDdl.files(ClusterDdl.MIGRATIONS).values().stream()
                            .filter(
                                    s ->
                                            s.contains(
                                                    "CREATE VIEW IF NOT EXISTS market."
                                                            + view
                                                            + " "))
                            .findFirst()
                            .orElseThrow();
            assertThat(select(mirror)).isEqualTo(select(original));
        }
    }

    @Test
    void everyMigrationIsRecordedAsAppliedWithItsChecksum() throws Exception {
        String insert =
                ClusterDdl.files(ClusterDdl.CLUSTER).values().stream()
                        .filter(s -> s.contains("INSERT INTO market.schema_migrations"))
                        .findFirst()
                        .orElseThrow();
        List<String> recorded = new ArrayList<>();
        Matcher m =
                Pattern.compile("\\((\\d+), '([a-z0-9_]+)', '([0-9a-f]{64})'\\)").matcher(insert);
        while (m.find()) {
            recorded.add(m.group(1) + " " + m.group(2) + " " + m.group(3));
        }
        List<String> expected = new ArrayList<>();
        ClusterDdl.files(ClusterDdl.MIGRATIONS)
                .forEach(
                        (file, text) -> {
                            Migration migration = Migration.of(file, text);
                            expected.add(
                                    migration.version()
                                            + " "
                                            + migration.name()
                                            + " "
                                            + migration.checksum());
                        });
        assertThat(recorded)
                .as(
                        "deploy/clickhouse/cluster/015: mirror a new or changed sql/clickhouse"
                                + " migration, then record it with its checksum")
                .isEqualTo(expected);
    }

    static String engine(String create) {
        Matcher m =
                Pattern.compile("ENGINE = (\\w+(?:\\([^\\n]*\\))?)\\s*\\n")
                        .matcher(ClusterDdl.withoutComments(create) + "\n");
        assertThat(m.find()).as("an ENGINE clause in " + create).isTrue();
        return m.group(1).strip();
    }

    static String select(String view) {
        String sql = ClusterDdl.withoutComments(view);
        return sql.substring(sql.indexOf("SELECT")).strip();
    }
}
