package dev.candleflow.local;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ClickHouse engine (libchdb from the npm package {@value #NPM_PACKAGE}) and its {@code chcmd}
 * launcher, installed once per version into a cache outside the clone.
 *
 * <p>Layout: {@code <cache>/chdb/<version>/{lib/libchdb.so, bin/chcmd, .installed}}. The cache is
 * {@code -Dcandleflow.cache}, else {@code $CANDLEFLOW_CACHE}, else {@code ~/.cache/candleflow}. The
 * version is {@code -Dcandleflow.chdb.version}, else {@code $CANDLEFLOW_CHDB_VERSION}, else the
 * parent pom's {@code chdb.npm.version}. Concurrent installers (threads or processes) serialize on
 * a file lock; an install is built in a staging directory, gets its marker file last and is then
 * renamed into place atomically, so an interrupted install never looks complete.
 *
 * <pre>{@code
 * Path chcmd = ChdbInstallation.fromEnvironment().ensureInstalled();
 * }</pre>
 */
public final class ChdbInstallation {

    public static final String NPM_PACKAGE = "@chdb/lib-linux-x64-gnu";
    public static final String VERSION_PROPERTY = "candleflow.chdb.version";
    public static final String VERSION_ENV = "CANDLEFLOW_CHDB_VERSION";
    public static final String CACHE_PROPERTY = "candleflow.cache";
    public static final String CACHE_ENV = "CANDLEFLOW_CACHE";

    static final String MARKER = ".installed";
    private static final String STAGING_INFIX = ".staging-";
    private static final String VERSION_RESOURCE = "chdb.properties";
    private static final Logger LOG = LoggerFactory.getLogger(ChdbInstallation.class);
    // A FileLock excludes other processes only; threads of this JVM serialize on this monitor.
    private static final Object JVM_LOCK = new Object();

    /** Fills a staging directory with {@code lib/} and {@code bin/chcmd} for one version. */
    @FunctionalInterface
    interface Populator {
        void populate(Path staging, String version) throws IOException;
    }

    private final Path cacheRoot;
    private final String version;
    private final Populator populator;

    ChdbInstallation(Path cacheRoot, String version, Populator populator) {
        this.cacheRoot = cacheRoot.toAbsolutePath();
        this.version = version;
        this.populator = populator;
    }

    /** The installation chosen by system properties, environment and the pinned version. */
    public static ChdbInstallation fromEnvironment() {
        Map<String, String> env = System.getenv();
        Properties props = System.getProperties();
        return new ChdbInstallation(cacheRoot(env, props), version(env, props), new ChdbBuild());
    }

    static Path cacheRoot(Map<String, String> env, Properties props) {
        String configured = firstNonBlank(props.getProperty(CACHE_PROPERTY), env.get(CACHE_ENV));
        if (configured != null) {
            return Paths.get(configured);
        }
        return Paths.get(props.getProperty("user.home"), ".cache", "candleflow");
    }

    static String version(Map<String, String> env, Properties props) {
        String configured =
                firstNonBlank(props.getProperty(VERSION_PROPERTY), env.get(VERSION_ENV));
        return configured != null ? configured : bundledVersion();
    }

    /** The chDB npm version this build was made with (the parent pom's chdb.npm.version). */
    public static String bundledVersion() {
        try (InputStream in = ChdbInstallation.class.getResourceAsStream(VERSION_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        VERSION_RESOURCE + " is missing from the classpath");
            }
            Properties props = new Properties();
            props.load(in);
            String value = props.getProperty("chdb.npm.version");
            if (value == null || value.isBlank() || value.startsWith("${")) {
                throw new IllegalStateException(
                        VERSION_RESOURCE + " was not filtered by Maven: chdb.npm.version=" + value);
            }
            return value.trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + VERSION_RESOURCE, e);
        }
    }

    public String version() {
        return version;
    }

    public Path cacheRoot() {
        return cacheRoot;
    }

    public Path installDir() {
        return cacheRoot.resolve("chdb").resolve(version);
    }

    public Path libDir() {
        return installDir().resolve("lib");
    }

    public Path chcmd() {
        return installDir().resolve("bin").resolve("chcmd");
    }

    /** True once a complete install (marker file present) exists for this version. */
    public boolean isInstalled() {
        return Files.isRegularFile(installDir().resolve(MARKER))
                && Files.isExecutable(chcmd())
                && Files.isRegularFile(libDir().resolve("libchdb.so"));
    }

    /** Installs this version unless it is already there; returns the {@code chcmd} launcher. */
    public Path ensureInstalled() throws IOException {
        if (isInstalled()) {
            return chcmd();
        }
        Path versionsDir = installDir().getParent();
        Files.createDirectories(versionsDir);
        synchronized (JVM_LOCK) {
            Path lockFile = versionsDir.resolve(version + ".lock");
            try (FileChannel channel =
                    FileChannel.open(
                            lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                acquire(channel); // released when the channel closes
                if (isInstalled()) {
                    LOG.info("chDB {} was installed by another process meanwhile", version);
                    return chcmd();
                }
                install(versionsDir);
                return chcmd();
            }
        }
    }

    private FileLock acquire(FileChannel channel) throws IOException {
        FileLock lock = channel.tryLock();
        if (lock != null) {
            return lock;
        }
        LOG.info(
                "Waiting for another process that is installing chDB {} into {}",
                version,
                installDir());
        return channel.lock();
    }

    private void install(Path versionsDir) throws IOException {
        removeLeftovers(versionsDir);
        long started = System.nanoTime();
        LOG.info(
                "Installing ClickHouse engine {}@{} into {} (about 180 MB download, once)",
                NPM_PACKAGE,
                version,
                installDir());
        Path staging = Files.createTempDirectory(versionsDir, version + STAGING_INFIX);
        try {
            populator.populate(staging, version);
            Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(staging.resolve(MARKER), markerText(), UTF_8);
            Files.move(staging, installDir(), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(staging, e);
            throw e;
        }
        LOG.info("Installed chDB {} in {} ms", version, (System.nanoTime() - started) / 1_000_000);
    }

    /** Deletes what interrupted installs of this version left behind (we hold the lock). */
    private void removeLeftovers(Path versionsDir) throws IOException {
        String stagingPrefix = version + STAGING_INFIX;
        List<Path> stale;
        try (Stream<Path> entries = Files.list(versionsDir)) {
            stale =
                    entries.filter(p -> p.getFileName().toString().startsWith(stagingPrefix))
                            .collect(Collectors.toCollection(ArrayList::new));
        }
        if (Files.exists(installDir())) {
            stale.add(installDir()); // no marker, so it is incomplete
        }
        for (Path path : stale) {
            LOG.info("Removing incomplete chDB install {}", path);
            FileTrees.deleteRecursively(path);
        }
    }

    private String markerText() {
        return String.format(
                "package=%s%nversion=%s%ninstalled=%s%n", NPM_PACKAGE, version, Instant.now());
    }

    private static void deleteQuietly(Path dir, Exception primary) {
        try {
            FileTrees.deleteRecursively(dir);
        } catch (IOException e) {
            primary.addSuppressed(e);
        }
    }

    private static String firstNonBlank(String first, String second) {
        if (first != null && !first.isBlank()) {
            return first.trim();
        }
        return second != null && !second.isBlank() ? second.trim() : null;
    }
}
