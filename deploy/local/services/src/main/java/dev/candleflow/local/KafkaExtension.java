package dev.candleflow.local;

/**
 * JUnit 5 extension that starts one {@link KafkaServer} (a KRaft broker JVM) per test run (not per
 * class), in a fresh temp dir on free ports, and stops it when the run ends.
 *
 * <pre>{@code
 * @ExtendWith(KafkaExtension.class)
 * class CandleTopicITCase {
 *     @Test
 *     void publishes(KafkaServer kafka) throws Exception {   // or KafkaExtension.server()
 *         kafka.createTopic("candles", 3);
 *         props.put("bootstrap.servers", kafka.bootstrapServers());
 *     }
 * }
 * }</pre>
 */
public final class KafkaExtension extends RunScopedExtension<KafkaServer> {

    // Static by necessity: server() is a static accessor and JUnit hands it no context. This is
    // the once-per-run handle; the instance itself lives in JUnit's root store.
    private static final RunScopedService<KafkaServer> SERVICE =
            new RunScopedService<>("kafka", KafkaServer.class, KafkaServer::start);

    /** The server of the current test run; the test class must use this extension. */
    public static KafkaServer server() {
        return SERVICE.current(KafkaExtension.class.getSimpleName());
    }

    public KafkaExtension() {
        super(SERVICE);
    }
}
