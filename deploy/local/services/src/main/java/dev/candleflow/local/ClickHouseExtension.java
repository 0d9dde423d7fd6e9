package dev.candleflow.local;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

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
public final class ClickHouseExtension
        implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    // Static by necessity: server() is a static accessor and JUnit hands it no context. This is
    // the once-per-run handle; the instance itself lives in JUnit's root store.
    private static final RunScopedService<ClickHouseServer> SERVICE =
            new RunScopedService<>("clickhouse", ClickHouseServer.class, ClickHouseServer::start);

    /** The server of the current test run; the test class must use this extension. */
    public static ClickHouseServer server() {
        return SERVICE.current(ClickHouseExtension.class.getSimpleName());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        SERVICE.get(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        SERVICE.get(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ClickHouseServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return SERVICE.get(context);
    }
}
