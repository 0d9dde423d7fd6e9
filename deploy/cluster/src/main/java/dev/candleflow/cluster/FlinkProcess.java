package dev.candleflow.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JobManager or TaskManager JVM started by this launcher: stdout and stderr appended to {@code
 * <id>.out}, Flink's own log in {@code <id>.log}; stopped with SIGTERM then SIGKILL, or killed.
 */
final class FlinkProcess {

    private static final Logger LOG = LoggerFactory.getLogger(FlinkProcess.class);

    private final String id;
    private final Process process;
    private final Path outFile;
    private final Path logFile;
    private final int metricsPort;

    private FlinkProcess(String id, Process process, Path outFile, Path logFile, int metricsPort) {
        this.id = id;
        this.process = process;
        this.outFile = outFile;
        this.logFile = logFile;
        this.metricsPort = metricsPort;
    }

    /**
     * Starts {@code command}. With {@code lifeline} its stdin stays a pipe to this JVM (see {@link
     * Lifeline}); without, it reads /dev/null and outlives this JVM.
     */
    static FlinkProcess start(
            String id,
            List<String> command,
            Path workDir,
            Path outFile,
            Path logFile,
            int metricsPort,
            boolean lifeline)
            throws IOException {
        Files.createDirectories(outFile.getParent());
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .directory(workDir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(Redirect.appendTo(outFile.toFile()));
        if (!lifeline) {
            builder.redirectInput(Redirect.from(new File("/dev/null")));
        }
        LOG.debug("Starting {}: {}", id, command);
        Process process = builder.start();
        LOG.info("Started {} (pid {}), log {}", id, process.pid(), logFile);
        return new FlinkProcess(id, process, outFile, logFile, metricsPort);
    }

    String id() {
        return id;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int metricsPort() {
        return metricsPort;
    }

    Path logFile() {
        return logFile;
    }

    /** SIGKILL, as a crashed machine or the OOM killer would; waits until it is gone. */
    void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
        LOG.info("Killed {} (pid {}) with SIGKILL", id, pid());
    }

    /** SIGTERM (Flink shuts down cleanly), then SIGKILL after {@code grace}. Idempotent. */
    void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!awaitExit(grace)) {
            LOG.warn("{} (pid {}) still running after {}, killing it", id, pid(), grace);
            process.destroyForcibly();
            awaitExit(Duration.ofSeconds(10));
        }
        LOG.info("Stopped {} (pid {})", id, pid());
    }

    private boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }

    /** The last lines of its output and its log, for an error message. */
    String describe() {
        return id
                + " (pid "
                + pid()
                + (process.isAlive() ? ", running" : ", exit code " + process.exitValue())
                + ")"
                + tail(outFile)
                + tail(logFile);
    }

    static String tail(Path file) {
        if (!Files.isRegularFile(file)) {
            return "\n--- " + file + ": (none)";
        }
        try {
            List<String> lines = List.of(Files.readString(file, UTF_8).split("\n"));
            return "\n--- last lines of "
                    + file
                    + ":\n"
                    + String.join(
                            "\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "\n--- " + file + ": cannot read (" + e + ")";
        }
    }
}
