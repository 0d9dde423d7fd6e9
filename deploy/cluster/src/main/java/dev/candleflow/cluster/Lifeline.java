package dev.candleflow.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point that ties a Flink JVM's life to its parent's: it runs another main class and exits
 * this JVM when stdin reaches end of file, which happens when the process that started it dies,
 * even by SIGKILL. So a crashed test JVM leaves no JobManager or TaskManager behind.
 *
 * <pre>{@code
 * java -cp 'lib/*:launcher-classes' dev.candleflow.cluster.Lifeline \
 *     org.apache.flink.runtime.taskexecutor.TaskManagerRunner --configDir conf
 * }</pre>
 */
public final class Lifeline {

    /** The exit code when the parent went away. */
    static final int ORPHANED = 70;

    private Lifeline() {}

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            System.err.println("usage: Lifeline <main class> [args...]");
            System.exit(2);
        }
        Thread watcher = new Thread(() -> awaitEof(System.in), "lifeline");
        watcher.setDaemon(true);
        watcher.start();
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void awaitEof(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // the parent writes nothing; any input is ignored
            }
        } catch (IOException e) {
            // a broken pipe means the same as end of file: the parent is gone
        }
        System.err.println("Lifeline: the parent process is gone, stopping this JVM");
        System.exit(ORPHANED);
    }
}
