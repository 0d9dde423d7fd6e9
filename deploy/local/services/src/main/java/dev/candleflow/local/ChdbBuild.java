package dev.candleflow.local;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Downloads libchdb with npm and compiles the {@code chcmd} launcher against it with gcc. */
final class ChdbBuild implements ChdbInstallation.Populator {

    private static final Logger LOG = LoggerFactory.getLogger(ChdbBuild.class);
    private static final String LAUNCHER_SOURCE = "chcmd.c";
    private static final ToolCommand NPM =
            new ToolCommand(
                    "download chDB with npm",
                    "Install Node.js and npm (Debian: apt-get install npm) and make sure the npm"
                            + " registry is reachable.",
                    Duration.ofMinutes(15));
    private static final ToolCommand GCC =
            new ToolCommand(
                    "compile the chcmd launcher",
                    "Install a C compiler (Debian: apt-get install gcc) or point $CC at one.",
                    Duration.ofMinutes(2));
    private static final ToolCommand SMOKE =
            new ToolCommand(
                    "run the freshly built chcmd",
                    "The launcher was just built; see its output above.",
                    Duration.ofMinutes(2));

    private final Map<String, String> env;

    ChdbBuild() {
        this(System.getenv());
    }

    ChdbBuild(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public void populate(Path staging, String version) throws IOException {
        // Both tools before the 180 MB download, so a missing gcc does not waste it.
        NPM.run(List.of(npm(), "--version"), staging);
        GCC.run(List.of(cc(), "--version"), staging);
        Path lib = downloadLibrary(staging, version);
        Path chcmd = compileLauncher(staging, lib);
        String engineVersion =
                SMOKE.run(List.of(chcmd.toString(), "--query", "SELECT version()"), staging).trim();
        LOG.info("chcmd works: ClickHouse engine version {}", engineVersion);
    }

    /** npm-installs the package into a scratch prefix and moves it to {@code staging/lib}. */
    private Path downloadLibrary(Path staging, String version) throws IOException {
        Path prefix = staging.resolve("npm-prefix");
        Path npmCache = staging.resolve("npm-cache");
        Files.createDirectories(prefix);
        long started = System.nanoTime();
        NPM.run(npmInstall(version, prefix, npmCache), staging);
        Path pkg = prefix.resolve("node_modules").resolve(ChdbInstallation.NPM_PACKAGE);
        if (!Files.isRegularFile(pkg.resolve("libchdb.so"))) {
            throw new IOException(
                    String.format(
                            "npm installed %s@%s but %s is missing",
                            ChdbInstallation.NPM_PACKAGE, version, pkg.resolve("libchdb.so")));
        }
        Path lib = staging.resolve("lib");
        Files.move(pkg, lib, StandardCopyOption.ATOMIC_MOVE);
        FileTrees.deleteRecursively(prefix);
        FileTrees.deleteRecursively(npmCache);
        LOG.info(
                "Downloaded {}@{} in {} ms",
                ChdbInstallation.NPM_PACKAGE,
                version,
                (System.nanoTime() - started) / 1_000_000);
        return lib;
    }

    private List<String> npmInstall(String version, Path prefix, Path npmCache) {
        return List.of(
                npm(),
                "install",
                ChdbInstallation.NPM_PACKAGE + "@" + version,
                "--prefix",
                prefix.toString(),
                "--cache",
                npmCache.toString(),
                "--no-save",
                "--no-package-lock",
                "--ignore-scripts",
                "--no-audit",
                "--no-fund",
                "--loglevel=error");
    }

    private String npm() {
        return env.getOrDefault("NPM", "npm");
    }

    private String cc() {
        return env.getOrDefault("CC", "gcc");
    }

    /** Compiles chcmd.c (a module resource) with an rpath relative to the binary's location. */
    private Path compileLauncher(Path staging, Path lib) throws IOException {
        Path src = staging.resolve("src").resolve(LAUNCHER_SOURCE);
        Path bin = staging.resolve("bin").resolve("chcmd");
        Files.createDirectories(src.getParent());
        Files.createDirectories(bin.getParent());
        try (InputStream in = ChdbBuild.class.getResourceAsStream(LAUNCHER_SOURCE)) {
            if (in == null) {
                throw new IOException(LAUNCHER_SOURCE + " is missing from the classpath");
            }
            Files.writeString(src, new String(in.readAllBytes(), UTF_8), UTF_8);
        }
        // $ORIGIN keeps the binary valid after the staging dir is renamed into place.
        GCC.run(
                List.of(
                        cc(),
                        "-O2",
                        "-o",
                        bin.toString(),
                        src.toString(),
                        "-L" + lib,
                        "-lchdb",
                        "-Wl,-rpath,$ORIGIN/../lib"),
                staging);
        return bin;
    }
}
