package dev.candleflow.job;

import dev.candleflow.clickhouse.ClickHouseSinks;
import dev.candleflow.clickhouse.Migrations;
import dev.candleflow.clickhouse.SchemaMigrator;
import dev.candleflow.job.candles.CandleCascade;
import dev.candleflow.job.candles.Consolidation;
import dev.candleflow.job.candles.VenueCandleBuilder;
import dev.candleflow.job.config.CandleJobConfig;
import dev.candleflow.job.config.CandleJobConfigLoader;
import dev.candleflow.job.config.QuoteGroups;
import dev.candleflow.job.config.Topics;
import dev.candleflow.job.kafka.CandleKafkaSinks;
import dev.candleflow.job.kafka.KafkaTopics;
import dev.candleflow.job.pipeline.FeedRouter;
import dev.candleflow.job.pipeline.TradeWatermarks;
import dev.candleflow.model.Candle;
import dev.candleflow.model.DeadLetter;
import dev.candleflow.model.OutlierEvent;
import dev.candleflow.model.Trade;
import dev.candleflow.source.ExchangeSource;
import dev.candleflow.source.ExchangeSourceBuilder;
import dev.candleflow.source.FeedEvent;
import java.sql.SQLException;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The candle job: exchange trades to event-time OHLCV candles per venue and for the consolidated
 * market, outlier decisions and dead letters, in ClickHouse and Kafka.
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

    static final int TOPIC_PARTITIONS = 3;

    private final CandleJobConfig config;
    private final Source<FeedEvent, ?, ?> source;
    private final JobSinks sinks;

    public CandleJob(CandleJobConfig config, Source<FeedEvent, ?, ?> source, JobSinks sinks) {
        this.config = config;
        this.source = source;
        this.sinks = sinks;
    }

    /** The job with the real source and sinks the configuration names. */
    public static CandleJob production(CandleJobConfig config) {
        return new CandleJob(config, exchangeSource(config), productionSinks(config));
    }

    /**
     * The ClickHouse sinks, then the Kafka ones, for each output. The order names the sinks'
     * operator ids ({@code final-candles-sink-0} is ClickHouse, {@code -1} Kafka), which savepoints
     * are matched by: keep it.
     */
    public static JobSinks productionSinks(CandleJobConfig config) {
        return clickHouseSinks(config).plus(kafkaSinks(config));
    }

    /** The ClickHouse sinks (trades only with {@code clickhouse.trades}). */
    public static JobSinks clickHouseSinks(CandleJobConfig config) {
        return new JobSinks(
                List.of(ClickHouseSinks.candles(config.clickHouse(), config.clickHouseSink())),
                List.of(),
                List.of(ClickHouseSinks.outliers(config.clickHouse(), config.clickHouseSink())),
                List.of(ClickHouseSinks.deadLetters(config.clickHouse(), config.clickHouseSink())),
                List.of(ClickHouseSinks.feedHealth(config.clickHouse(), config.clickHouseSink())),
                config.storeTrades()
                        ? List.of(
                                ClickHouseSinks.trades(
                                        config.clickHouse(), config.clickHouseSink()))
                        : List.of());
    }

    /** The Kafka sinks: transactional, one topic per output (no trades). */
    public static JobSinks kafkaSinks(CandleJobConfig config) {
        Topics topics = config.topics();
        CandleKafkaSinks kafka =
                new CandleKafkaSinks(
                        config.kafkaBootstrapServers(),
                        config.transactionalIdPrefix(),
                        config.kafkaTransactionTimeout());
        return new JobSinks(
                List.of(kafka.candles(topics.candles())),
                List.of(kafka.candles(topics.live())),
                List.of(kafka.outliers(topics.outliers())),
                List.of(kafka.deadLetters(topics.deadLetters())),
                List.of(kafka.feedHealth(topics.feedHealth())),
                List.of());
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
        prepareClickHouse(config);
        prepareKafka(config);
    }

    /** Migrates the ClickHouse schema; fails naming {@code clickhouse.url} when it cannot. */
    public static void prepareClickHouse(CandleJobConfig config) {
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
    }

    /** Creates the job's Kafka topics that are missing (compacted, except dead letters). */
    public static void prepareKafka(CandleJobConfig config) {
        Topics t = config.topics();
        for (String topic : t.all()) {
            KafkaTopics.ensureCompacted(
                    config.kafkaBootstrapServers(),
                    topic,
                    TOPIC_PARTITIONS,
                    !topic.equals(t.deadLetters()));
        }
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

        SingleOutputStreamOperator<Candle> venueBase =
                trades.keyBy(CandleJob::instrumentKey)
                        .process(new VenueCandleBuilder(config.candles(), config.fatFinger()))
                        .uid("venue-candles")
                        .name("venue-candles-" + config.candles().base().label());
        DataStream<Candle> venueLarger =
                cascade(venueBase, c -> c.source() + "|" + c.instrument(), "venue");

        QuoteGroups groups = config.quoteGroups();
        SingleOutputStreamOperator<Candle> consolidatedBase =
                venueBase
                        .getSideOutput(VenueCandleBuilder.FOR_CONSOLIDATION)
                        .keyBy(c -> groups.marketOf(c.instrument()))
                        .process(new Consolidation(config.candles(), config.consolidation()))
                        .uid("consolidation")
                        .name("consolidation");
        // Consolidated candles carry their market as instrument: the consolidation's own key.
        DataStream<Candle> consolidatedLarger =
                cascade(consolidatedBase, c -> c.instrument().toString(), "consolidated");

        DataStream<Candle> candles =
                venueBase.union(venueLarger, consolidatedBase, consolidatedLarger);
        DataStream<OutlierEvent> outliers =
                venueBase
                        .getSideOutput(VenueCandleBuilder.OUTLIERS)
                        .union(consolidatedBase.getSideOutput(Consolidation.OUTLIERS));
        DataStream<DeadLetter> deadLetters =
                trades.getSideOutput(FeedRouter.DEAD_LETTERS)
                        .union(venueBase.getSideOutput(VenueCandleBuilder.LATE));

        sinkAll(
                candles.filter(Candle::isFinal).name("final-candles"),
                sinks.finalCandles(),
                "final-candles");
        sinkAll(
                candles.filter(c -> !c.isFinal()).name("live-candles"),
                sinks.liveCandles(),
                "live-candles");
        sinkAll(outliers, sinks.outliers(), "outliers");
        sinkAll(deadLetters, sinks.deadLetters(), "dead-letters");
        sinkAll(trades.getSideOutput(FeedRouter.HEALTH), sinks.feedHealth(), "feed-health");
        sinkAll(trades, sinks.trades(), "trades");
    }

    /**
     * The larger intervals of a stream of smallest-interval candles. The stream is already
     * partitioned by {@code key} (the key of the operator that produced it, which must be the
     * same), so no shuffle is needed.
     */
    private DataStream<Candle> cascade(
            DataStream<Candle> base, KeySelector<Candle, String> key, String name) {
        return DataStreamUtils.reinterpretAsKeyedStream(base, key)
                .process(new CandleCascade(config.candles()))
                .uid(name + "-cascade")
                .name(name + "-cascade");
    }

    private static <T> void sinkAll(DataStream<T> stream, List<Sink<T>> targets, String name) {
        for (int i = 0; i < targets.size(); i++) {
            stream.sinkTo(targets.get(i)).uid(name + "-sink-" + i).name(name + "-sink-" + i);
        }
    }

    /**
     * The key of a venue's instrument. A string, because enum hash codes differ between JVMs and
     * would scatter keys across a cluster; the same as {@code source|symbol} of its candles.
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
