package dev.candleflow.clickhouse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One {@code NNN_description.sql} file: a single idempotent statement. */
public record Migration(int version, String name, String sql) {

    private static final Pattern FILE = Pattern.compile("(\\d{3})_([a-z0-9_]+)\\.sql");
    private static final Pattern DB_PREFIX = Pattern.compile("\\bmarket\\.");
    private static final Pattern DB_CREATE =
            Pattern.compile("(?i)(CREATE\\s+DATABASE\\s+IF\\s+NOT\\s+EXISTS\\s+)market\\b");

    /** Parses a file name and its text, or throws naming the file. */
    public static Migration of(String fileName, String text) {
        Matcher m = FILE.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "Migration file '" + fileName + "' is not named NNN_description.sql");
        }
        String sql = text.strip();
        while (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        if (sql.isEmpty()) {
            throw new IllegalArgumentException("Migration file '" + fileName + "' is empty");
        }
        return new Migration(Integer.parseInt(m.group(1)), m.group(2), sql);
    }

    /** The statement aimed at another database than {@code market} (tests use their own). */
    public String sqlFor(String database) {
        if (database.equals("market")) {
            return sql;
        }
        String s = DB_PREFIX.matcher(sql).replaceAll(Matcher.quoteReplacement(database + "."));
        return DB_CREATE.matcher(s).replaceAll("$1" + Matcher.quoteReplacement(database));
    }

    /** SHA-256 of the statement, so a file edited after it was applied is noticed. */
    public String checksum() {
        try {
            byte[] d =
                    MessageDigest.getInstance("SHA-256")
                            .digest(sql.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
