package dev.candleflow.local;

/**
 * JUnit 5 extension that starts one {@link ClickHouseServer} per test run (not per class), in a
 * fresh temp dir on free ports, and stops it when the run ends.
 *
 * <pre>{@code
 * @ExtendWith(ClickHouseExtension.class)
 * class CandleSinkITCase {
 *     @Test
 *     void writes(ClickHouseServer clickHouse) throws Exception { // or .server()
 *         clickHouse.execute("CREATE DATABASE IF NOT EXISTS market ENGINE = Atomic");
 *         String url = clickHouse.jdbcUrl("market"); // user "default", password ""
 *     }
 * }
 * }</pre>
 */
public final class ClickHouseExtension extends RunScopedExtension<ClickHouseServer> {

    // Static by necessity: server() is a static accessor and JUnit hands it no context. This is
    // the once-per-run handle; the instance itself lives in JUnit's root store.
    private static final RunScopedService<ClickHouseServer> SERVICE =
            new RunScopedService<>("clickhouse", ClickHouseServer.class, ClickHouseServer::start);

    /** The server of the current test run; the test class must use this extension. */
    public static ClickHouseServer server() {
        return SERVICE.current(ClickHouseExtension.class.getSimpleName());
    }

    public ClickHouseExtension() {
        super(SERVICE);
    }
}
