package dev.candleflow.clickhouse;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.apache.flink.connector.jdbc.datasource.connections.JdbcConnectionProvider;

/**
 * A {@link JdbcConnectionProvider} whose connections time each {@code executeBatch} of their
 * statements into {@link ClickHouseSinkMetrics}. The JDBC sink's writer reaches the database only
 * through its provider (it prepares its statement on the provider's connection, and again after a
 * failed batch or a reconnect), so every INSERT it sends is timed without touching the writer.
 *
 * <p>One instance serves one writer: {@link ClickHouseSink} builds it on the TaskManager when the
 * writer is created. Like the wrapped provider, it is not thread-safe; the sink's output format
 * serializes its flushes.
 */
final class BatchTimingConnectionProvider implements JdbcConnectionProvider {

    private static final long serialVersionUID = 1L;

    private final JdbcConnectionProvider delegate;
    // Built next to the writer and never shipped; transient because the interface is Serializable.
    private final transient ClickHouseSinkMetrics metrics;
    private transient Connection raw;
    private transient Connection timed;

    BatchTimingConnectionProvider(JdbcConnectionProvider delegate, ClickHouseSinkMetrics metrics) {
        this.delegate = delegate;
        this.metrics = metrics;
    }

    @Override
    public Connection getConnection() {
        return timed(delegate.getConnection());
    }

    @Override
    public Properties getProperties() {
        return delegate.getProperties();
    }

    @Override
    public boolean isConnectionValid() throws SQLException {
        return delegate.isConnectionValid();
    }

    @Override
    public Connection getOrEstablishConnection() throws SQLException, ClassNotFoundException {
        return timed(delegate.getOrEstablishConnection());
    }

    @Override
    public void closeConnection() {
        delegate.closeConnection();
        raw = null;
        timed = null;
    }

    @Override
    public Connection reestablishConnection() throws SQLException, ClassNotFoundException {
        return timed(delegate.reestablishConnection());
    }

    /** The same proxy for as long as the delegate keeps the same connection. */
    private Connection timed(Connection connection) {
        if (connection == null) {
            return null;
        }
        if (connection != raw) {
            raw = connection;
            timed = proxy(Connection.class, new TimedConnection(connection, metrics));
        }
        return timed;
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(
                Proxy.newProxyInstance(
                        BatchTimingConnectionProvider.class.getClassLoader(),
                        new Class<?>[] {type},
                        handler));
    }

    // ---- proxies -------------------------------------------------------------------------------

    /** Forwards to the real object; a proxy equals only itself, as the JDBC objects do. */
    private abstract static class Forwarding implements InvocationHandler {

        final Object target;

        Forwarding(Object target) {
            this.target = target;
        }

        @Override
        public final Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            return switch (method.getName()) {
                case "equals" -> args != null && args.length == 1 && proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> handle(method, args);
            };
        }

        abstract Object handle(Method method, Object[] args) throws Throwable;

        final Object forward(Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    /** Hands out timed statements; everything else is the real connection's. */
    private static final class TimedConnection extends Forwarding {

        private final ClickHouseSinkMetrics metrics;

        TimedConnection(Connection target, ClickHouseSinkMetrics metrics) {
            super(target);
            this.metrics = metrics;
        }

        @Override
        Object handle(Method method, Object[] args) throws Throwable {
            Object result = forward(method, args);
            if (result instanceof PreparedStatement ps
                    && method.getName().equals("prepareStatement")) {
                return proxy(PreparedStatement.class, new TimedStatement(ps, metrics));
            }
            if (result instanceof Statement st && method.getName().equals("createStatement")) {
                return proxy(Statement.class, new TimedStatement(st, metrics));
            }
            return result;
        }
    }

    /** Counts the rows added to the batch and times the call that sends it. */
    private static final class TimedStatement extends Forwarding {

        private final ClickHouseSinkMetrics metrics;
        private long pendingRows;

        TimedStatement(Statement target, ClickHouseSinkMetrics metrics) {
            super(target);
            this.metrics = metrics;
        }

        @Override
        Object handle(Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "executeBatch", "executeLargeBatch" -> {
                    return executeBatch(method, args);
                }
                case "addBatch" -> {
                    Object result = forward(method, args);
                    pendingRows++;
                    return result;
                }
                case "clearBatch" -> {
                    Object result = forward(method, args);
                    pendingRows = 0;
                    return result;
                }
                default -> {
                    return forward(method, args);
                }
            }
        }

        private Object executeBatch(Method method, Object[] args) throws Throwable {
            long rows = pendingRows;
            // JDBC empties the batch once executeBatch returns; after a failure the sink
            // prepares a new statement and adds the rows again.
            pendingRows = 0;
            long start = System.nanoTime();
            Object result;
            try {
                result = forward(method, args);
            } catch (Throwable e) {
                metrics.batchFailed(System.nanoTime() - start);
                throw e;
            }
            metrics.batchSucceeded(rows, System.nanoTime() - start);
            return result;
        }
    }
}
