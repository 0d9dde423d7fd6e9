package dev.candleflow.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.clickhouse.ClickHouseSink;
import dev.candleflow.job.config.CandleJobConfig;
import dev.candleflow.job.config.CandleJobConfigLoader;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.junit.jupiter.api.Test;

/**
 * The order of the production sinks names their operators ({@code final-candles-sink-0} is
 * ClickHouse, {@code -1} Kafka), and savepoints are matched by those names.
 */
class ProductionSinksTest {

    @Test
    void clickHouseComesFirstThenKafkaForEveryOutput() {
        CandleJobConfig config = CandleJobConfigLoader.fromMap(Map.of("clickhouse.trades", "true"));
        JobSinks sinks = CandleJob.productionSinks(config);
        for (List<? extends Sink<?>> both :
                List.of(
                        sinks.finalCandles(),
                        sinks.outliers(),
                        sinks.deadLetters(),
                        sinks.feedHealth())) {
            assertThat(both).hasSize(2);
            assertThat(both.get(0)).isInstanceOf(ClickHouseSink.class);
            assertThat(both.get(1)).isInstanceOf(KafkaSink.class);
        }
        assertThat(sinks.liveCandles()).singleElement().isInstanceOf(KafkaSink.class);
        assertThat(sinks.trades()).singleElement().isInstanceOf(ClickHouseSink.class);
        assertThat(
                        CandleJob.productionSinks(
                                        CandleJobConfigLoader.fromMap(
                                                Map.of("clickhouse.trades", "false")))
                                .trades())
                .isEmpty();
    }
}
