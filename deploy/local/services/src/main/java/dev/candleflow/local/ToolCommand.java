package dev.candleflow.local;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a build tool (npm, gcc, chcmd) to completion and fails with its output and a hint. */
final class ToolCommand {

    private static final Logger LOG = LoggerFactory.getLogger(ToolCommand.class);
    private static final int TIMED_OUT = Integer.MIN_VALUE;

    private final String purpose;
    private final String missingHint;
    private final Duration timeout;

    /**
     * @param purpose what the command is for, e.g. "download chDB with npm"
     * @param missingHint what to do when the executable is not on PATH
     */
    ToolCommand(String purpose, String missingHint, Duration timeout) {
        this.purpose = purpose;
        this.missingHint = missingHint;
        this.timeout = timeout;
    }

    /** Runs {@code command} in {@code workDir} and returns its combined stdout and stderr. */
    String run(List<String> command, Path workDir) throws IOException {
        Path output = Files.createTempFile(workDir, "tool-", ".out");
        try {
            Process process = start(command, workDir, output);
            int exitCode = await(process);
            String text = Files.readString(output, UTF_8);
            String commandLine = String.join(" ", command);
            if (exitCode == TIMED_OUT) {
                throw new IOException(
                        String.format(
                                "Cannot %s: '%s' did not finish within %d s." + " Output:%n%s",
                                purpose, commandLine, timeout.toSeconds(), text));
            }
            if (exitCode != 0) {
                throw new IOException(
                        String.format(
                                "Cannot %s: '%s' exited with code %d." + " Output:%n%s",
                                purpose, commandLine, exitCode, text));
            }
            LOG.debug("{}: {}", purpose, text);
            return text;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private Process start(List<String> command, Path workDir, Path output) throws IOException {
        try {
            return new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .start();
        } catch (IOException e) {
            throw new IOException(
                    String.format(
                            "Cannot %s: '%s' could not be started (%s). %s",
                            purpose, command.get(0), e.getMessage(), missingHint),
                    e);
        }
    }

    /** The exit code, or {@link #TIMED_OUT} after killing the process. */
    private int await(Process process) throws InterruptedIOException {
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
            process.destroyForcibly();
            return TIMED_OUT;
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw ManagedProcess.interrupted("Interrupted: " + purpose, e);
        }
    }

    private static File nullDevice() {
        return new File("/dev/null");
    }
}
