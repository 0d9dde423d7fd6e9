package dev.candleflow.cluster.testutils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The single-server migrations (sql/clickhouse) and the cluster DDL (deploy/clickhouse/cluster).
 */
public final class ClusterDdl {

    public static final String MIGRATIONS = "sql/clickhouse";
    public static final String CLUSTER = "deploy/clickhouse/cluster";
    static final Pattern CREATE_TABLE =
            Pattern.compile("CREATE TABLE IF NOT EXISTS market\\.(\\w+)");
    static final Pattern COLUMN = Pattern.compile("(?m)^\\s{4}(\\w+)\\s+\\S");
    static final Pattern ADD_COLUMN = Pattern.compile("ADD COLUMN IF NOT EXISTS (\\w+)");

    private ClusterDdl() {}

    /** File name to text, in order. */
    public static Map<String, String> files(String dir) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(Repo.file(dir))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                out.put(f.getFileName().toString(), Files.readString(f));
            }
        }
        return out;
    }

    /** The tables the migrations create (schema_migrations is the migrator's own). */
    public static List<String> migrationTables() throws IOException {
        List<String> out = new ArrayList<>();
        for (String sql : files(MIGRATIONS).values()) {
            Matcher m = CREATE_TABLE.matcher(sql);
            if (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /** The columns of a table after every migration, in order. */
    public static List<String> migrationColumns(String table) throws IOException {
        List<String> out = new ArrayList<>();
        for (String sql : files(MIGRATIONS).values()) {
            if (sql.contains("CREATE TABLE IF NOT EXISTS market." + table + "\n")) {
                out.addAll(columns(sql));
            } else if (sql.contains("ALTER TABLE market." + table + "\n")) {
                Matcher m = ADD_COLUMN.matcher(sql);
                while (m.find()) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }

    /** The cluster DDL statement that creates {@code market.<table>}. */
    public static String clusterCreate(String table) throws IOException {
        for (String sql : files(CLUSTER).values()) {
            Matcher m = CREATE_TABLE.matcher(sql);
            if (m.find() && m.group(1).equals(table)) {
                return sql;
            }
        }
        throw new AssertionError("deploy/clickhouse/cluster creates no table market." + table);
    }

    /** Column names of a CREATE TABLE with a column list. */
    public static List<String> columns(String create) {
        String body = create.substring(create.indexOf("\n(") + 2, create.indexOf("\n)"));
        List<String> out = new ArrayList<>();
        Matcher m = COLUMN.matcher(body);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** Comment lines removed, so that clause comparisons see only SQL. */
    public static String withoutComments(String sql) {
        return sql.replaceAll("(?m)^\\s*--.*\\n", "").replaceAll("\\s+--[^\\n]*", "");
    }
}
