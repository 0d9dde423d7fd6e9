package dev.candleflow.cluster.testutils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.FallbackKey;

/**
 * Every configuration key Flink's core knows: the keys (and deprecated keys) of the {@code
 * ConfigOption} constants in flink-core's {@code org.apache.flink.configuration.*Options} classes.
 * A misspelt key in a config file is ignored by Flink without a word; this catches it.
 */
public final class FlinkOptionKeys {

    /**
     * Keys Flink accepts that no flink-core constant declares (reporters, plugins, the operator).
     */
    static final List<String> OPEN_PREFIXES =
            List.of("metrics.reporter.", "s3.", "kubernetes.operator.", "job.autoscaler.");

    private static final Set<String> KEYS = load();

    private FlinkOptionKeys() {}

    public static boolean isKnown(String key) {
        return KEYS.contains(key) || OPEN_PREFIXES.stream().anyMatch(key::startsWith);
    }

    /** The keys of {@code keys} Flink does not know. */
    public static Set<String> unknown(Iterable<String> keys) {
        Set<String> out = new TreeSet<>();
        keys.forEach(
                k -> {
                    if (!isKnown(k)) {
                        out.add(k);
                    }
                });
        return out;
    }

    private static Set<String> load() {
        Set<String> keys = new TreeSet<>();
        try (JarFile jar = new JarFile(flinkCoreJar().toFile())) {
            for (String entry :
                    Collections.list(jar.entries()).stream().map(e -> e.getName()).toList()) {
                if (entry.startsWith("org/apache/flink/configuration/")
                        && entry.endsWith("Options.class")
                        && !entry.contains("$")) {
                    String name = entry.substring(0, entry.length() - 6).replace('/', '.');
                    addKeys(name, keys);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    private static void addKeys(String className, Set<String> keys) {
        Class<?> c;
        try {
            c = Class.forName(className);
        } catch (ReflectiveOperationException | LinkageError e) {
            return; // an options class needing what the test classpath lacks: not a config file's
        }
        for (Field f : c.getFields()) {
            if (Modifier.isStatic(f.getModifiers())
                    && ConfigOption.class.isAssignableFrom(f.getType())) {
                try {
                    ConfigOption<?> o = (ConfigOption<?>) f.get(null);
                    keys.add(o.key());
                    for (FallbackKey k : o.fallbackKeys()) {
                        keys.add(k.getKey());
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(
                            "Cannot read " + className + "." + f.getName(), e);
                }
            }
        }
    }

    private static Path flinkCoreJar() {
        try {
            return Path.of(
                    ConfigOption.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
