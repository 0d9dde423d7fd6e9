package dev.candleflow.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cache location, version choice, locking and recovery of the chDB install, without npm. */
class ChdbInstallationTest {

    private static final String VERSION = "1.2.3-test";

    @TempDir Path cache;

    private final AtomicInteger populations = new AtomicInteger();

    @Test
    void bundledVersionComesFromThePom() {
        assertThat(ChdbInstallation.bundledVersion()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void systemPropertyBeatsEnvironmentBeatsDefaults() {
        Properties props = new Properties();
        props.setProperty("user.home", "/home/someone");
        Map<String, String> env =
                Map.of(
                        ChdbInstallation.CACHE_ENV,
                        "/env/cache",
                        ChdbInstallation.VERSION_ENV,
                        "9.9.9-env");

        assertThat(ChdbInstallation.cacheRoot(Map.of(), props))
                .isEqualTo(Path.of("/home/someone/.cache/candleflow"));
        assertThat(ChdbInstallation.cacheRoot(env, props)).isEqualTo(Path.of("/env/cache"));
        assertThat(ChdbInstallation.version(Map.of(), props))
                .isEqualTo(ChdbInstallation.bundledVersion());
        assertThat(ChdbInstallation.version(env, props)).isEqualTo("9.9.9-env");

        props.setProperty(ChdbInstallation.CACHE_PROPERTY, "/prop/cache");
        props.setProperty(ChdbInstallation.VERSION_PROPERTY, "8.8.8-prop");
        assertThat(ChdbInstallation.cacheRoot(env, props)).isEqualTo(Path.of("/prop/cache"));
        assertThat(ChdbInstallation.version(env, props)).isEqualTo("8.8.8-prop");
    }

    @Test
    void installsIntoAVersionedDirectoryOnceAndThenSkips() throws Exception {
        ChdbInstallation install = new ChdbInstallation(cache, VERSION, this::fakePopulate);

        Path chcmd = install.ensureInstalled();
        install.ensureInstalled();

        assertThat(chcmd).isEqualTo(cache.resolve("chdb").resolve(VERSION).resolve("bin/chcmd"));
        assertThat(install.isInstalled()).isTrue();
        assertThat(install.libDir().resolve("libchdb.so")).isRegularFile();
        assertThat(populations).hasValue(1);
    }

    @Test
    void concurrentInstallersPopulateOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Path>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ChdbInstallation install = new ChdbInstallation(cache, VERSION, this::fakePopulate);
                results.add(pool.submit(install::ensureInstalled));
            }
            for (Future<Path> result : results) {
                assertThat(result.get()).isExecutable();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(populations).hasValue(1);
    }

    @Test
    void interruptedInstallIsRemovedAndRedone() throws Exception {
        ChdbInstallation install = new ChdbInstallation(cache, VERSION, this::fakePopulate);
        Path leftoverStaging = cache.resolve("chdb").resolve(VERSION + ".staging-123");
        Files.createDirectories(leftoverStaging.resolve("lib"));
        Files.createDirectories(install.installDir().resolve("bin")); // no marker: incomplete
        Files.writeString(install.installDir().resolve("bin/chcmd"), "half-written");

        assertThat(install.isInstalled()).isFalse();
        install.ensureInstalled();

        assertThat(install.isInstalled()).isTrue();
        assertThat(leftoverStaging).doesNotExist();
        assertThat(Files.readString(install.chcmd())).isEqualTo("#!/bin/sh\n");
        assertThat(populations).hasValue(1);
    }

    @Test
    void failedInstallLeavesNothingBehind() throws Exception {
        ChdbInstallation failing =
                new ChdbInstallation(
                        cache,
                        VERSION,
                        (staging, version) -> {
                            Files.createDirectories(staging.resolve("lib"));
                            throw new IOException("npm exploded");
                        });

        assertThatThrownBy(failing::ensureInstalled).hasMessage("npm exploded");
        try (var entries = Files.list(cache.resolve("chdb"))) {
            assertThat(entries).allMatch(p -> p.getFileName().toString().endsWith(".lock"));
        }
        assertThat(new ChdbInstallation(cache, VERSION, this::fakePopulate).ensureInstalled())
                .isExecutable();
    }

    private void fakePopulate(Path staging, String version) throws IOException {
        populations.incrementAndGet();
        assertThat(version).isEqualTo(VERSION);
        Files.createDirectories(staging.resolve("lib"));
        Files.writeString(staging.resolve("lib/libchdb.so"), "not really");
        Path chcmd = staging.resolve("bin/chcmd");
        Files.createDirectories(chcmd.getParent());
        Files.writeString(chcmd, "#!/bin/sh\n");
        Files.setPosixFilePermissions(chcmd, PosixFilePermissions.fromString("rwxr-xr-x"));
        try {
            Thread.sleep(100); // widen the window in which a second installer could interfere
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
