package dev.candleflow.local;

import java.io.IOException;
import java.io.InputStream;
import kafka.tools.StorageTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Main class of a broker JVM started by {@link KafkaServer}: runs {@code kafka.Kafka} and exits
 * (through Kafka's shutdown hook) as soon as its stdin closes, i.e. when the parent JVM is gone, so
 * a killed test run never leaves a broker behind.
 */
public final class KafkaBrokerMain {

    static final String FORMAT = "--format";
    private static final Logger LOG = LoggerFactory.getLogger(KafkaBrokerMain.class);

    private KafkaBrokerMain() {}

    /**
     * {@code [--format CLUSTER_ID] SERVER_PROPERTIES}: formats the storage first if asked (in this
     * JVM, saving a JVM start), then runs {@code kafka.Kafka SERVER_PROPERTIES}.
     */
    public static void main(String[] args) {
        Thread lifeline = new Thread(() -> exitWhenClosed(System.in), "parent-lifeline");
        lifeline.setDaemon(true);
        lifeline.start();
        String serverProperties = args[args.length - 1];
        if (args.length == 3 && FORMAT.equals(args[0])) {
            int rc =
                    StorageTool.execute(
                            new String[] {"format", "-t", args[1], "-c", serverProperties},
                            System.out);
            if (rc != 0) {
                LOG.error("kafka-storage format failed with exit code {}", rc);
                System.exit(rc);
            }
        }
        kafka.Kafka.main(new String[] {serverProperties});
    }

    private static void exitWhenClosed(InputStream stdin) {
        byte[] buffer = new byte[256];
        try {
            while (stdin.read(buffer) >= 0) {
                LOG.debug("Ignoring input on stdin");
            }
            LOG.info("stdin closed: the parent process is gone, shutting the broker down");
        } catch (IOException e) {
            LOG.warn("stdin failed: treating the parent process as gone", e);
        }
        System.exit(0);
    }
}
