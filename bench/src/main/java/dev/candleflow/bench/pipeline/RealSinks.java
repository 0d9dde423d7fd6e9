package dev.candleflow.bench.pipeline;

import dev.candleflow.clickhouse.ClickHouseSinks;
import dev.candleflow.clickhouse.Migrations;
import dev.candleflow.clickhouse.SchemaMigrator;
import dev.candleflow.job.JobSinks;
import dev.candleflow.job.config.CandleJobConfig;
import dev.candleflow.job.config.Topics;
import dev.candleflow.job.kafka.CandleKafkaSinks;
import dev.candleflow.job.kafka.KafkaTopics;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;

/**
 * The production sinks, beside the counting ones, when the harness is given a ClickHouse or Kafka
 * to write to. Wired as {@code CandleJob.productionSinks} does (package-private there), but each
 * store is optional.
 */
final class RealSinks {

    private static final int TOPIC_PARTITIONS = 3;

    private final CandleJobConfig config;
    private final boolean clickHouse;
    private final boolean kafka;

    RealSinks(CandleJobConfig config, boolean clickHouse, boolean kafka) {
        this.config = config;
        this.clickHouse = clickHouse;
        this.kafka = kafka;
    }

    /** Migrates the ClickHouse schema and creates the Kafka topics, as the job's main does. */
    void prepare() throws SQLException {
        if (clickHouse) {
            new SchemaMigrator(config.clickHouse(), Migrations.fromClasspath()).migrate();
        }
        if (kafka) {
            Topics t = config.topics();
            for (String topic : t.all()) {
                KafkaTopics.ensureCompacted(
                        config.kafkaBootstrapServers(),
                        topic,
                        TOPIC_PARTITIONS,
                        !topic.equals(t.deadLetters()));
            }
        }
    }

    /** The counting sinks plus the real ones. */
    JobSinks around(JobSinks counting) {
        List<Sink<dev.candleflow.model.Candle>> finals = new ArrayList<>(counting.finalCandles());
        List<Sink<dev.candleflow.model.Candle>> live = new ArrayList<>(counting.liveCandles());
        List<Sink<dev.candleflow.model.OutlierEvent>> outliers =
                new ArrayList<>(counting.outliers());
        List<Sink<dev.candleflow.model.DeadLetter>> deadLetters =
                new ArrayList<>(counting.deadLetters());
        List<Sink<dev.candleflow.model.FeedHealth>> health = new ArrayList<>(counting.feedHealth());
        if (clickHouse) {
            var conn = config.clickHouse();
            var opts = config.clickHouseSink();
            finals.add(ClickHouseSinks.candles(conn, opts));
            outliers.add(ClickHouseSinks.outliers(conn, opts));
            deadLetters.add(ClickHouseSinks.deadLetters(conn, opts));
            health.add(ClickHouseSinks.feedHealth(conn, opts));
        }
        if (kafka) {
            Topics topics = config.topics();
            CandleKafkaSinks k =
                    new CandleKafkaSinks(
                            config.kafkaBootstrapServers(),
                            config.transactionalIdPrefix(),
                            config.kafkaTransactionTimeout());
            finals.add(k.candles(topics.candles()));
            live.add(k.candles(topics.live()));
            outliers.add(k.outliers(topics.outliers()));
            deadLetters.add(k.deadLetters(topics.deadLetters()));
            health.add(k.feedHealth(topics.feedHealth()));
        }
        return new JobSinks(finals, live, outliers, deadLetters, health, counting.trades());
    }
}
