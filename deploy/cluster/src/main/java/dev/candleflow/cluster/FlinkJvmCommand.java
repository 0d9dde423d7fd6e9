package dev.candleflow.cluster;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a JobManager or TaskManager JVM, as flink-dist's scripts would build it:
 * resource options from BashJavaUtils, Java 17 module opens, logging, the lib/ classpath and the
 * entry point with its dynamic properties.
 */
final class FlinkJvmCommand {

    /** flink-dist's module opens: Flink needs them on Java 17 (STACK.md). */
    static final List<String> JAVA_17_OPENS =
            List.of(
                    "--add-opens=java.base/java.lang=ALL-UNNAMED",
                    "--add-opens=java.base/java.net=ALL-UNNAMED",
                    "--add-opens=java.base/java.io=ALL-UNNAMED",
                    "--add-opens=java.base/java.nio=ALL-UNNAMED",
                    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
                    "--add-opens=java.base/java.text=ALL-UNNAMED",
                    "--add-opens=java.base/java.time=ALL-UNNAMED",
                    "--add-opens=java.base/java.util=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED",
                    "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
                    "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                    "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED");

    private final Path libDir;
    private final Path confDir;
    private final Path logDir;
    private final boolean lifeline;

    FlinkJvmCommand(Path libDir, Path confDir, Path logDir, boolean lifeline) {
        this.libDir = libDir;
        this.confDir = confDir;
        this.logDir = logDir;
        this.lifeline = lifeline;
    }

    /** The command of JVM {@code id} running {@code mainClass}. */
    List<String> build(String id, String mainClass, ResourceParams params, int metricsPort) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(params.jvmOptions());
        command.addAll(JAVA_17_OPENS);
        // Two shared cores: the serial collector keeps the small heaps' GC off the other JVMs.
        command.add("-XX:+UseSerialGC");
        command.add("-Dlog.file=" + logDir.resolve(id + ".log"));
        command.add("-Dlog4j.configurationFile=" + confDir.resolve("log4j.properties").toUri());
        command.add("-cp");
        command.add(classpath(libDir, lifeline));
        if (lifeline) {
            command.add(Lifeline.class.getName());
        }
        command.add(mainClass);
        command.add("--configDir");
        command.add(confDir.toString());
        command.addAll(params.dynamicProperties());
        command.addAll(List.of("-D", "metrics.reporter.prom.port=" + metricsPort));
        if (!id.equals(StandaloneCluster.JOB_MANAGER)) {
            command.addAll(List.of("-D", "taskmanager.resource-id=" + id));
        }
        return command;
    }

    /** Flink's lib/, and this launcher's classes when the JVM runs under {@link Lifeline}. */
    static String classpath(Path libDir, boolean withLauncher) {
        String lib = libDir.resolve("*").toString();
        return withLauncher ? lib + File.pathSeparator + launcherLocation() : lib;
    }

    /** Where this class was loaded from: target/classes, or the module's jar. */
    static String launcherLocation() {
        try {
            return Path.of(
                            FlinkJvmCommand.class
                                    .getProtectionDomain()
                                    .getCodeSource()
                                    .getLocation()
                                    .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the launcher's classes", e);
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
