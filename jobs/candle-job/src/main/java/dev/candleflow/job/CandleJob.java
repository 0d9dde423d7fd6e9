package dev.candleflow.job;

import dev.candleflow.clickhouse.ClickHouseSinks;
import dev.candleflow.clickhouse.Migrations;
import dev.candleflow.clickhouse.SchemaMigrator;
import dev.candleflow.job.candles.CandleAggregate;
import dev.candleflow.job.candles.CandleWindowFunction;
import dev.candleflow.job.config.CandleJobConfig;
import dev.candleflow.job.config.CandleJobConfigLoader;
import dev.candleflow.job.kafka.CandleKafkaSinks;
import dev.candleflow.job.kafka.KafkaTopics;
import dev.candleflow.job.pipeline.FeedRouter;
import dev.candleflow.job.pipeline.LateTrades;
import dev.candleflow.job.pipeline.TradeWatermarks;
import dev.candleflow.model.Candle;
import dev.candleflow.model.DeadLetter;
import dev.candleflow.model.Trade;
import dev.candleflow.source.ExchangeSource;
import dev.candleflow.source.ExchangeSourceBuilder;
import dev.candleflow.source.FeedEvent;
import java.sql.SQLException;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.OutputTag;

/**
 * The candle job: exchange trades to event-time OHLCV candles in ClickHouse and Kafka.
 *
 * <pre>{@code
 * CandleJobConfig config = CandleJobConfigLoader.fromArgs("--symbols", "BTC-USDT,ETH-USDT");
 * CandleJob.prepareStorage(config);
 * StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
 * CandleJob.production(config).build(env);
 * env.execute("candleflow");
 * }</pre>
 */
public final class CandleJob {

    public static final OutputTag<Trade> LATE_TRADES = new OutputTag<>("late-trades") {};
    static final int CANDLE_TOPIC_PARTITIONS = 3;

    private final CandleJobConfig config;
    private final Source<FeedEvent, ?, ?> source;
    private final List<Sink<Candle>> candleSinks;
    private final List<Sink<DeadLetter>> deadLetterSinks;

    public CandleJob(
            CandleJobConfig config,
            Source<FeedEvent, ?, ?> source,
            List<Sink<Candle>> candleSinks,
            List<Sink<DeadLetter>> deadLetterSinks) {
        this.config = config;
        this.source = source;
        this.candleSinks = List.copyOf(candleSinks);
        this.deadLetterSinks = List.copyOf(deadLetterSinks);
    }

    /** The job with the real source and sinks the configuration names. */
    public static CandleJob production(CandleJobConfig config) {
        return new CandleJob(
                config,
                exchangeSource(config),
                List.of(
                        ClickHouseSinks.candles(config.clickHouse(), config.clickHouseSink()),
                        CandleKafkaSinks.candles(
                                config.kafkaBootstrapServers(),
                                config.candlesTopic(),
                                config.transactionalIdPrefix(),
                                config.kafkaTransactionTimeout())),
                List.of(ClickHouseSinks.deadLetters(config.clickHouse(), config.clickHouseSink())));
    }

    public static ExchangeSource exchangeSource(CandleJobConfig config) {
        ExchangeSourceBuilder b = ExchangeSource.builder().options(config.sourceOptions());
        config.subscriptions().forEach(b::venue);
        config.endpoints()
                .forEach(
                        (venue, e) -> {
                            if (e.webSocket() != null) {
                                b.endpoint(venue, e.webSocket());
                            }
                            if (e.rest() != null) {
                                b.restEndpoint(venue, e.rest());
                            }
                        });
        return b.build();
    }

    /**
     * Migrates the ClickHouse schema and creates missing Kafka topics; fails fast, naming the
     * setting, when either service cannot be reached.
     */
    public static void prepareStorage(CandleJobConfig config) {
        try {
            new SchemaMigrator(config.clickHouse(), Migrations.fromClasspath()).migrate();
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "clickhouse.url: cannot prepare ClickHouse at "
                            + config.clickHouse().url()
                            + " (database "
                            + config.clickHouse().database()
                            + "): "
                            + e.getMessage(),
                    e);
        }
        KafkaTopics.ensureCompacted(
                config.kafkaBootstrapServers(), config.candlesTopic(), CANDLE_TOPIC_PARTITIONS);
    }

    /** Adds the pipeline to an environment, with checkpointing for exactly-once output. */
    public void build(StreamExecutionEnvironment env) {
        env.enableCheckpointing(config.checkpointInterval().toMillis());
        SingleOutputStreamOperator<Trade> trades =
                env.fromSource(
                                source,
                                TradeWatermarks.strategy(
                                        config.outOfOrderness(), config.idleness()),
                                "exchange-source")
                        .uid("exchange-source")
                        .process(new FeedRouter())
                        .uid("route-feed")
                        .name("route-feed");

        SingleOutputStreamOperator<Candle> candles =
                trades.keyBy(CandleJob::instrumentKey)
                        .window(TumblingEventTimeWindows.of(config.interval().length()))
                        .allowedLateness(config.allowedLateness())
                        .sideOutputLateData(LATE_TRADES)
                        .aggregate(
                                new CandleAggregate(), new CandleWindowFunction(config.interval()))
                        .uid("candles-" + config.interval().label())
                        .name("candles-" + config.interval().label());

        DataStream<DeadLetter> deadLetters =
                trades.getSideOutput(FeedRouter.DEAD_LETTERS)
                        .union(
                                candles.getSideOutput(LATE_TRADES)
                                        .map(new LateTrades())
                                        .name("late-trades"));

        for (int i = 0; i < candleSinks.size(); i++) {
            candles.sinkTo(candleSinks.get(i)).uid("candle-sink-" + i).name("candle-sink-" + i);
        }
        for (int i = 0; i < deadLetterSinks.size(); i++) {
            deadLetters
                    .sinkTo(deadLetterSinks.get(i))
                    .uid("dead-letter-sink-" + i)
                    .name("dead-letter-sink-" + i);
        }
    }

    /**
     * The key of a venue's instrument. A string, because enum hash codes differ between JVMs and
     * would scatter keys across a cluster.
     */
    static String instrumentKey(Trade t) {
        return t.venue().id() + "|" + t.instrument();
    }

    public static void main(String[] args) throws Exception {
        CandleJobConfig config = CandleJobConfigLoader.fromArgs(args);
        prepareStorage(config);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        production(config).build(env);
        env.execute("candleflow");
    }
}
