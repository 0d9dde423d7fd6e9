package dev.candleflow.clickhouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Finds the migrations shipped under {@code sql/clickhouse/} on the classpath. */
public final class Migrations {

    static final String DIR = "sql/clickhouse/";

    /** Located first, so the directory is found in a plain folder and inside a (shaded) jar. */
    private static final String ANCHOR = DIR + "001_create_database_market.sql";

    private Migrations() {}

    /** All migrations in version order; fails on duplicate versions. */
    public static List<Migration> fromClasspath() {
        URL anchor = Migrations.class.getClassLoader().getResource(ANCHOR);
        if (anchor == null) {
            throw new IllegalStateException(
                    "No ClickHouse migrations on the classpath (" + ANCHOR + ")");
        }
        try {
            List<Migration> all =
                    "jar".equals(anchor.getProtocol())
                            ? fromJar(anchor)
                            : fromDirectory(Path.of(anchor.toURI()).getParent());
            return sorted(all);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read ClickHouse migrations", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Bad migrations location " + anchor, e);
        }
    }

    /** All migrations in a folder such as the repository's {@code sql/clickhouse}. */
    public static List<Migration> fromDirectory(Path dir) throws IOException {
        List<Migration> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                all.add(Migration.of(f.getFileName().toString(), Files.readString(f)));
            }
        }
        return sorted(all);
    }

    private static List<Migration> fromJar(URL anchor) throws IOException {
        JarURLConnection conn = (JarURLConnection) anchor.openConnection();
        conn.setUseCaches(false);
        List<Migration> all = new ArrayList<>();
        try (JarFile jar = conn.getJarFile()) {
            for (JarEntry e : jar.stream().toList()) {
                String name = e.getName();
                if (name.startsWith(DIR)
                        && name.endsWith(".sql")
                        && name.indexOf('/', DIR.length()) < 0) {
                    try (InputStream in = jar.getInputStream(e)) {
                        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        all.add(Migration.of(name.substring(DIR.length()), text));
                    }
                }
            }
        }
        return all;
    }

    private static List<Migration> sorted(List<Migration> all) {
        List<Migration> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingInt(Migration::version));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).version() == sorted.get(i - 1).version()) {
                throw new IllegalStateException(
                        "Two migrations share version "
                                + sorted.get(i).version()
                                + ": "
                                + sorted.get(i - 1).name()
                                + ", "
                                + sorted.get(i).name());
            }
        }
        return sorted;
    }
}
