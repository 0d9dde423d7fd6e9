package dev.candleflow.bench.pipeline;

import dev.candleflow.bench.tape.Tape;
import dev.candleflow.bench.tape.TapeSource;
import dev.candleflow.job.CandleJob;
import dev.candleflow.job.JobSinks;
import dev.candleflow.job.config.CandleJobConfig;
import dev.candleflow.job.pipeline.TradeWatermarks;
import dev.candleflow.source.FeedEvent;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * Runs jobs over the tape on one MiniCluster in this JVM, one at a time: the baseline (the tape
 * source, a keyBy, a counting sink) and the real {@link CandleJob} pipeline with counting sinks
 * (and the real ones, if asked for). Each run is timed from the first frame its source released to
 * the last record any sink received, so cluster start-up and deployment are not measured, and its
 * output is checked against what the tape implies.
 */
final class PipelineRuns implements AutoCloseable {

    private final HarnessOptions options;
    private final Tape tape;
    private final CandleJobConfig config;
    private final RealSinks realSinks;
    private final MiniCluster cluster;

    PipelineRuns(HarnessOptions options, Tape tape, CandleJobConfig config) throws Exception {
        this.options = options;
        this.tape = tape;
        this.config = config;
        this.realSinks =
                options.realSinks()
                        ? new RealSinks(
                                config,
                                options.clickHouseUrl() != null,
                                options.kafkaBootstrap() != null)
                        : null;
        if (realSinks != null) {
            realSinks.prepare();
        }
        Configuration c = new Configuration();
        c.set(RestOptions.BIND_PORT, "0");
        c.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("64m"));
        this.cluster =
                new MiniCluster(
                        new MiniClusterConfiguration.Builder()
                                .setConfiguration(c)
                                .setNumTaskManagers(1)
                                .setNumSlotsPerTaskManager(options.parallelism())
                                .build());
        cluster.start();
    }

    /** The tape through a keyBy into a counting sink: what Flink itself costs for the records. */
    RunResult baseline(String run) throws Exception {
        String runId = startRun();
        StreamExecutionEnvironment env = environment(false);
        env.enableCheckpointing(config.checkpointInterval().toMillis());
        env.fromSource(
                        new TapeSource(tape, 0),
                        TradeWatermarks.strategy(config.outOfOrderness(), config.idleness()),
                        "tape")
                .keyBy(PipelineRuns::instrumentKey)
                .sinkTo(new CountingSink<>(runId, tape.id(), SinkKind.BASELINE_TRADES))
                .name("count-trades");
        return execute(
                run, runId, env, stats -> CandleCheck.baseline(tape.expected(), stats), s -> 0L);
    }

    /**
     * The whole candle job over the tape.
     *
     * @param tradesPerSecond the source's release rate, or 0 for as fast as the job takes it
     */
    RunResult pipeline(String run, double tradesPerSecond) throws Exception {
        String runId = startRun();
        StreamExecutionEnvironment env = environment(realSinks != null);
        JobSinks sinks =
                new JobSinks(
                        List.of(new CountingSink<>(runId, tape.id(), SinkKind.FINAL_CANDLES)),
                        List.of(new CountingSink<>(runId, tape.id(), SinkKind.LIVE_CANDLES)),
                        List.of(new CountingSink<>(runId, tape.id(), SinkKind.OUTLIERS)),
                        List.of(new CountingSink<>(runId, tape.id(), SinkKind.DEAD_LETTERS)),
                        List.of(new CountingSink<>(runId, tape.id(), SinkKind.FEED_HEALTH)),
                        List.of());
        new CandleJob(
                        config,
                        new TapeSource(tape, tradesPerSecond),
                        realSinks == null ? sinks : realSinks.around(sinks))
                .build(env);
        return execute(
                run,
                runId,
                env,
                stats -> CandleCheck.problems(tape.expected(), stats, config.candles().intervals()),
                stats ->
                        CandleCheck.extraRevisions(
                                tape.expected(), stats, config.candles().intervals()));
    }

    private String startRun() {
        System.gc();
        tape.startRun();
        String runId = "run-" + UUID.randomUUID();
        RunStats.start(runId);
        return runId;
    }

    /**
     * @param realSinks whether two-phase sinks need the final checkpoint once the input ends;
     *     counting sinks do not, so the run ends without waiting for one
     */
    private StreamExecutionEnvironment environment(boolean realSinks) {
        Configuration c = new Configuration();
        c.set(PipelineOptions.GENERIC_TYPES, false); // every record type must be a POJO
        c.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        c.set(CheckpointingOptions.ENABLE_CHECKPOINTS_AFTER_TASKS_FINISH, realSinks);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(c);
        env.setParallelism(options.parallelism());
        return env;
    }

    private RunResult execute(
            String run,
            String runId,
            StreamExecutionEnvironment env,
            Function<RunStats, List<String>> check,
            ToLongFunction<RunStats> extraRevisions)
            throws Exception {
        StreamGraph graph = env.getStreamGraph();
        graph.setJobName("bench-" + run);
        try {
            JobID job = cluster.submitJob(graph).get().getJobID();
            JobResult result = cluster.requestJobResult(job).get();
            result.toJobExecutionResult(getClass().getClassLoader()); // throws the job's failure
            RunStats stats = RunStats.get(runId);
            double seconds = (stats.lastRecordNanos() - tape.firstReleaseNanos()) / 1e9;
            return new RunResult(
                    run,
                    tape.size(),
                    seconds,
                    stats.venueLive(),
                    stats.consolidatedLive(),
                    check.apply(stats),
                    extraRevisions.applyAsLong(stats));
        } finally {
            RunStats.forget(runId);
        }
    }

    static String instrumentKey(FeedEvent e) {
        return e.isTrade() ? e.trade().venue().id() + "|" + e.trade().instrument() : "";
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
