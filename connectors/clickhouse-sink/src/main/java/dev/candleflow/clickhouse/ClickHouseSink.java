package dev.candleflow.clickhouse;

import static org.apache.flink.util.Preconditions.checkNotNull;

import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.JdbcStatementBuilder;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;
import org.apache.flink.connector.jdbc.core.datastream.sink.committer.JdbcCommitable;
import org.apache.flink.connector.jdbc.core.datastream.sink.writer.JdbcWriter;
import org.apache.flink.connector.jdbc.core.datastream.sink.writer.JdbcWriterState;
import org.apache.flink.connector.jdbc.datasource.connections.JdbcConnectionProvider;
import org.apache.flink.connector.jdbc.datasource.connections.SimpleJdbcConnectionProvider;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * The at-least-once JDBC sink into ClickHouse with batch metrics ({@link ClickHouseSinkMetrics}):
 * each writer is {@code flink-connector-jdbc}'s own {@link JdbcWriter}, built by a {@link JdbcSink}
 * whose connection provider times every batch.
 *
 * <p>It implements what {@link JdbcSink} implements ({@link SupportsWriterState}, {@link
 * SupportsCommitter}) and hands those calls to a {@link JdbcSink}, so the job graph (writer and
 * committer operators), the writer state and the committables stay those of {@link JdbcSink}, and
 * savepoints taken with it restore. The {@link JdbcSink} behind a writer is built per writer, in
 * {@link #restoreWriter}, so each writer gets its own provider and metrics whether or not Flink
 * gives each subtask its own copy of this object.
 */
public final class ClickHouseSink<T>
        implements Sink<T>,
                SupportsWriterState<T, JdbcWriterState>,
                SupportsCommitter<JdbcCommitable> {

    private static final long serialVersionUID = 1L;

    private final JdbcConnectionOptions connection;
    private final JdbcExecutionOptions execution;
    private final String sql;
    private final JdbcStatementBuilder<T> binder;

    ClickHouseSink(
            JdbcConnectionOptions connection,
            JdbcExecutionOptions execution,
            String sql,
            JdbcStatementBuilder<T> binder) {
        this.connection = checkNotNull(connection, "connection options are required");
        this.execution = checkNotNull(execution, "execution options are required");
        this.sql = checkNotNull(sql, "the INSERT statement is required");
        this.binder = checkNotNull(binder, "the statement builder is required");
    }

    @Override
    public JdbcWriter<T> createWriter(WriterInitContext context) throws IOException {
        return restoreWriter(context, Collections.emptyList());
    }

    @Override
    public JdbcWriter<T> restoreWriter(
            WriterInitContext context, Collection<JdbcWriterState> recoveredState)
            throws IOException {
        ClickHouseSinkMetrics metrics = ClickHouseSinkMetrics.register(context.metricGroup());
        JdbcConnectionProvider provider =
                new BatchTimingConnectionProvider(
                        new SimpleJdbcConnectionProvider(connection), metrics);
        return jdbcSink(provider).restoreWriter(context, recoveredState);
    }

    @Override
    public SimpleVersionedSerializer<JdbcWriterState> getWriterStateSerializer() {
        return untimed().getWriterStateSerializer();
    }

    @Override
    public Committer<JdbcCommitable> createCommitter(CommitterInitContext context)
            throws IOException {
        // At least once, the committer gets no committables and never connects.
        return untimed().createCommitter(context);
    }

    @Override
    public SimpleVersionedSerializer<JdbcCommitable> getCommittableSerializer() {
        return untimed().getCommittableSerializer();
    }

    private JdbcSink<T> untimed() {
        return jdbcSink(new SimpleJdbcConnectionProvider(connection));
    }

    private JdbcSink<T> jdbcSink(JdbcConnectionProvider provider) {
        return JdbcSink.<T>builder()
                .withQueryStatement(sql, binder)
                .withExecutionOptions(execution)
                .buildAtLeastOnce(provider);
    }
}
