package dev.candleflow.local;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's child process: output appended to a log file, stdin kept as a pipe (the child's
 * lifeline: it closes when this JVM dies), stopped gracefully first and forcibly after a grace.
 */
final class ManagedProcess {

    private static final Logger LOG = LoggerFactory.getLogger(ManagedProcess.class);
    private static final int TAIL_LINES = 40;
    private static final long TAIL_BYTES = 64 * 1024;
    private static final long POLL_MILLIS = 50;

    /** How a service asks its child to stop before the grace period ends. */
    enum StopSignal {
        /** Close the child's stdin (chDB's blocking query ends on EOF). */
        CLOSE_STDIN,
        /** SIGTERM ({@link Process#destroy()}), which runs a JVM child's shutdown hooks. */
        SIGTERM
    }

    /** A readiness check; returns true once the service answers. */
    @FunctionalInterface
    interface Probe {
        boolean ready() throws Exception;
    }

    private final String name;
    private final Process process;
    private final Path logFile;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private ManagedProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    static ManagedProcess start(String name, List<String> command, Path workDir, Path logFile)
            throws IOException {
        Files.createDirectories(logFile.getParent());
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .directory(workDir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(Redirect.appendTo(logFile.toFile()));
        LOG.debug("Starting {}: {}", name, command);
        Process process = builder.start();
        LOG.info("Started {} (pid {}), log {}", name, process.pid(), logFile);
        return new ManagedProcess(name, process, logFile);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    Path logFile() {
        return logFile;
    }

    /** Polls {@code probe} until it answers true; fails early if the process exits. */
    void awaitReady(Duration timeout, Probe probe, Path... diagnosticLogs) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception lastFailure = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(
                        String.format(
                                "%s exited with code %d before it was ready%s",
                                name, process.exitValue(), describeLogs(diagnosticLogs)));
            }
            try {
                if (probe.ready()) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw interrupted("Interrupted while waiting for " + name, e);
            } catch (Exception e) {
                lastFailure = e; // not ready yet; kept as the cause if we time out
            }
            sleep(POLL_MILLIS);
        }
        throw new IOException(
                String.format(
                        "%s did not answer within %d s (pid %d)%s",
                        name, timeout.toSeconds(), pid(), describeLogs(diagnosticLogs)),
                lastFailure);
    }

    /** Stops the process: {@code signal}, then up to {@code grace}, then SIGKILL. Idempotent. */
    void stop(StopSignal signal, Duration grace) {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        if (signal == StopSignal.CLOSE_STDIN) {
            closeStdin();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn(
                        "{} (pid {}) still running after {} s, killing it",
                        name,
                        pid(),
                        grace.toSeconds());
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            LOG.info("Stopped {} (pid {}, exit code {})", name, pid(), exitCodeOrAlive());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Interrupted while stopping {}, killing it", name, e);
            process.destroyForcibly();
        }
    }

    /** The last lines of each log, formatted for an exception message. */
    static String describeLogs(Path... logs) {
        StringBuilder text = new StringBuilder();
        for (Path log : logs) {
            text.append("\n--- last lines of ")
                    .append(log)
                    .append(":\n")
                    .append(tail(log, TAIL_LINES));
        }
        return text.toString();
    }

    static String tail(Path log, int lines) {
        if (!Files.isRegularFile(log)) {
            return "(no log file)";
        }
        try (SeekableByteChannel channel = Files.newByteChannel(log)) {
            long start = Math.max(0, channel.size() - TAIL_BYTES);
            ByteBuffer buffer = ByteBuffer.allocate((int) (channel.size() - start));
            channel.position(start);
            int read;
            do {
                read = channel.read(buffer);
            } while (read >= 0 && buffer.hasRemaining());
            String[] all = new String(buffer.array(), 0, buffer.position(), UTF_8).split("\n");
            int from = Math.max(0, all.length - lines);
            return String.join("\n", Arrays.asList(all).subList(from, all.length));
        } catch (IOException e) {
            return "(could not read log: " + e + ")";
        }
    }

    private void closeStdin() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            LOG.warn("Could not close the stdin of {}, sending SIGTERM instead", name, e);
            process.destroy();
        }
    }

    private String exitCodeOrAlive() {
        return process.isAlive() ? "still alive" : String.valueOf(process.exitValue());
    }

    static void sleep(long millis) throws InterruptedIOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted("Interrupted", e);
        }
    }

    static InterruptedIOException interrupted(String message, InterruptedException cause) {
        InterruptedIOException interrupted = new InterruptedIOException(message);
        interrupted.initCause(cause);
        return interrupted;
    }
}
