package dev.candleflow.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

/** The wrapper stays a {@link JdbcSink} to Flink: same operators, same state, serializable. */
class ClickHouseSinkTest {

    static final ClickHouseConnectionOptions CONN =
            new ClickHouseConnectionOptions("jdbc:clickhouse://127.0.0.1:1", "market", "u", "");
    static final ClickHouseSinkOptions OPTS =
            new ClickHouseSinkOptions(5_000, Duration.ofSeconds(1), 3);

    @Test
    void implementsWhatJdbcSinkImplements() {
        assertThat(ClickHouseSink.class.getInterfaces())
                .containsExactlyInAnyOrder(JdbcSink.class.getInterfaces());
        assertThat(ClickHouseSinks.candles(CONN, OPTS))
                .isInstanceOf(SupportsWriterState.class)
                .isInstanceOf(SupportsCommitter.class);
    }

    @Test
    void keepsJdbcSinksStateAndCommittableSerializers() {
        ClickHouseSink<?> sink = ClickHouseSinks.candles(CONN, OPTS);
        JdbcSink<?> jdbc =
                JdbcSink.builder()
                        .withQueryStatement("INSERT INTO t VALUES (?)", (ps, row) -> {})
                        .buildAtLeastOnce(
                                new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
                                        .withUrl(CONN.databaseUrl())
                                        .build());
        assertThat(sink.getWriterStateSerializer())
                .isExactlyInstanceOf(jdbc.getWriterStateSerializer().getClass());
        assertThat(sink.getWriterStateSerializer().getVersion())
                .isEqualTo(jdbc.getWriterStateSerializer().getVersion());
        assertThat(sink.getCommittableSerializer())
                .isExactlyInstanceOf(jdbc.getCommittableSerializer().getClass());
        assertThat(sink.getCommittableSerializer().getVersion())
                .isEqualTo(jdbc.getCommittableSerializer().getVersion());
    }

    @Test
    void everySinkSurvivesJavaSerialization() throws Exception {
        for (ClickHouseSink<?> sink :
                List.of(
                        ClickHouseSinks.candles(CONN, OPTS),
                        ClickHouseSinks.deadLetters(CONN, OPTS),
                        ClickHouseSinks.feedHealth(CONN, OPTS),
                        ClickHouseSinks.trades(CONN, OPTS),
                        ClickHouseSinks.outliers(CONN, OPTS))) {
            assertThat(InstantiationUtil.clone(sink)).isNotNull();
        }
    }

    @Test
    void roundsLatencyUpToWholeMilliseconds() {
        assertThat(ClickHouseSinkMetrics.toMillis(0)).isZero();
        assertThat(ClickHouseSinkMetrics.toMillis(1)).isEqualTo(1);
        assertThat(ClickHouseSinkMetrics.toMillis(1_000_000)).isEqualTo(1);
        assertThat(ClickHouseSinkMetrics.toMillis(1_000_001)).isEqualTo(2);
        assertThat(ClickHouseSinkMetrics.toMillis(-5)).isZero();
    }
}
