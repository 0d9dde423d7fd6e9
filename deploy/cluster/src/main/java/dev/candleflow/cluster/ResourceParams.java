package dev.candleflow.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The JVM options and dynamic properties of a JobManager or TaskManager, computed from the
 * configuration by Flink's own {@code BashJavaUtils} as flink-dist's scripts do: without them a
 * TaskManager refuses to start ({@code taskmanager.cpu.cores} is not set).
 *
 * @param jvmOptions {@code -Xmx.. -Xms.. -XX:MaxDirectMemorySize=.. -XX:MaxMetaspaceSize=..}
 * @param dynamicProperties {@code -D key=value} pairs for the entry point's arguments
 */
record ResourceParams(List<String> jvmOptions, List<String> dynamicProperties) {

    static final String UTILS = "org.apache.flink.runtime.util.bash.BashJavaUtils";
    static final String RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";

    /** The two commands of BashJavaUtils this launcher uses. */
    enum Kind {
        JOB_MANAGER("GET_JM_RESOURCE_PARAMS"),
        TASK_MANAGER("GET_TM_RESOURCE_PARAMS");

        final String command;

        Kind(String command) {
            this.command = command;
        }
    }

    /** Runs BashJavaUtils for {@code kind} against {@code confDir}. */
    static ResourceParams compute(Kind kind, String java, String classpath, Path confDir)
            throws IOException {
        List<String> command =
                List.of(
                        java,
                        "-Xmx128m",
                        "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        classpath,
                        UTILS,
                        kind.command,
                        "--configDir",
                        confDir.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), UTF_8);
        try {
            if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException(
                        "BashJavaUtils " + kind.command + " failed for " + confDir + ":\n" + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new InterruptedIOException("Interrupted while running BashJavaUtils");
        }
        return parse(kind, out);
    }

    /** The two result lines of BashJavaUtils' output: JVM options, then dynamic properties. */
    static ResourceParams parse(Kind kind, String output) {
        List<String> results = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (line.startsWith(RESULT_PREFIX)) {
                results.add(line.substring(RESULT_PREFIX.length()).strip());
            }
        }
        if (results.size() < 2) {
            throw new IllegalStateException(
                    "BashJavaUtils " + kind.command + " printed no result lines:\n" + output);
        }
        return new ResourceParams(tokens(results.get(0)), tokens(results.get(1)));
    }

    private static List<String> tokens(String line) {
        return line.isEmpty() ? List.of() : Arrays.asList(line.split("\\s+"));
    }
}
