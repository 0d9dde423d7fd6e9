package dev.candleflow.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Flink {@code config.yaml} in flat keys ({@code a.b.c: value}, one per line), rendered from the
 * template in {@code deploy/flink/conf}: {@link #set} replaces a key's line in place, or appends
 * the key when the template does not have it. Comments and order of the template are kept.
 */
final class FlinkConfigFile {

    /** The template, packaged from {@code deploy/flink/conf/config.yaml}. */
    static final String TEMPLATE = "conf/config.yaml";

    /** The log4j configuration, packaged from {@code deploy/flink/conf/log4j.properties}. */
    static final String LOG4J = "conf/log4j.properties";

    private static final Pattern ENTRY = Pattern.compile("^([A-Za-z0-9][A-Za-z0-9_.\\-]*):(.*)$");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./\\-][A-Za-z0-9_./:\\-, ]*");

    private final List<String> lines;
    private final Map<String, String> appended = new LinkedHashMap<>();

    private FlinkConfigFile(List<String> lines) {
        this.lines = new ArrayList<>(lines);
    }

    /** The packaged template. */
    static FlinkConfigFile template() {
        return new FlinkConfigFile(List.of(resource(TEMPLATE).split("\n", -1)));
    }

    static FlinkConfigFile parse(String text) {
        return new FlinkConfigFile(List.of(text.split("\n", -1)));
    }

    /** A packaged file of {@code deploy/flink/conf}, as text. */
    static String resource(String name) {
        try (InputStream in = FlinkConfigFile.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(
                        "Missing resource "
                                + name
                                + " next to "
                                + FlinkConfigFile.class.getName()
                                + " (packaged from deploy/flink/conf)");
            }
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read resource " + name, e);
        }
    }

    /** Sets {@code key} to {@code value}, in place if the file has the key. */
    FlinkConfigFile set(String key, String value) {
        Objects.requireNonNull(value, key);
        if (!ENTRY.matcher(key + ":").matches()) {
            throw new IllegalArgumentException("Not a flat Flink config key: '" + key + "'");
        }
        String line = key + ": " + scalar(value);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = ENTRY.matcher(lines.get(i));
            if (m.matches() && m.group(1).equals(key)) {
                lines.set(i, line);
                return this;
            }
        }
        appended.put(key, line);
        return this;
    }

    /** The value of {@code key} as written (unquoted), or null. */
    String get(String key) {
        String line = appended.get(key);
        if (line == null) {
            line = lines.stream().filter(l -> l.startsWith(key + ":")).findFirst().orElse(null);
        }
        if (line == null) {
            return null;
        }
        String value = line.substring(key.length() + 1).strip();
        return value.startsWith("'")
                ? value.substring(1, value.length() - 1).replace("''", "'")
                : value;
    }

    /** Every key with its value, in file order. */
    Map<String, String> entries() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String l : text().split("\n")) {
            Matcher m = ENTRY.matcher(l);
            if (m.matches()) {
                out.put(m.group(1), get(m.group(1)));
            }
        }
        return out;
    }

    String text() {
        StringBuilder out = new StringBuilder(String.join("\n", lines).stripTrailing());
        out.append('\n');
        if (!appended.isEmpty()) {
            out.append("\n# ---- set by ").append(StandaloneCluster.class.getSimpleName());
            out.append(" -------------------------------------------------------\n");
            appended.values().forEach(l -> out.append(l).append('\n'));
        }
        return out.toString();
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text(), UTF_8);
    }

    /** A YAML scalar: plain when that reads back unchanged, single-quoted otherwise. */
    static String scalar(String value) {
        boolean plain =
                PLAIN.matcher(value).matches()
                        && !value.endsWith(" ")
                        && !value.endsWith(":")
                        && !value.contains(": ");
        return plain ? value : "'" + value.replace("'", "''") + "'";
    }
}
