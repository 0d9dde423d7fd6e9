package dev.candleflow.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.job.config.CandleJobConfig;
import dev.candleflow.job.config.CandleJobConfigLoader;
import dev.candleflow.job.testutils.CandleReference;
import dev.candleflow.job.testutils.MemorySink;
import dev.candleflow.job.testutils.SimTrades;
import dev.candleflow.model.Candle;
import dev.candleflow.model.CandleInterval;
import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Trade;
import dev.candleflow.simulator.BinanceSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's "add a symbol" path for the whole job: run with BTC, stop with a savepoint, resume
 * from it with BTC and ETH. BTC's candles are exact across the stop; ETH's candles start with the
 * resume and, from its first whole second on, equal the reference, per venue and consolidated.
 */
class ReconfiguredResumeITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    static final InstrumentId BTC = InstrumentId.parse("BTC-USDT");
    static final InstrumentId ETH = InstrumentId.parse("ETH-USDT");
    static final Map<String, InstrumentId> SYMBOLS = Map.of("BTCUSDT", BTC, "ETHUSDT", ETH);

    @Test
    void aSymbolAddedOnResumeGetsExactCandlesAndTheOthersLoseNothing(@TempDir Path savepoints)
            throws Exception {
        String run = "resume-" + System.nanoTime();
        try (BinanceSimulator sim =
                BinanceSimulator.builder()
                        .symbols(SYMBOLS.keySet())
                        .seed(31)
                        .tradesPerSecond(10)
                        .speed(20)
                        // 24 s of wall time: the market must still trade when the second run
                        // starts, however slowly the first one got going.
                        .eventDuration(Duration.ofMinutes(8))
                        .build()
                        .start()) {
            JobClient first = start(sim, "BTC-USDT", run + "-before", null);
            long open =
                    sim.awaitEventStart(Duration.ofSeconds(60))
                            .orElseThrow(() -> new AssertionError("the market never opened"));
            assertThat(sim.awaitEventTimeReached(open + 60_000, Duration.ofSeconds(60))).isTrue();
            // Stop only once the first run has closed candles of its own (it may lag the market).
            CandlePipelineITCase.await(
                    Duration.ofSeconds(60),
                    () -> MemorySink.received(run + "-before-final").size() >= 10);
            String savepoint =
                    first.stopWithSavepoint(
                                    false,
                                    savepoints.toUri().toString(),
                                    SavepointFormatType.CANONICAL)
                            .get();

            JobClient second = start(sim, "BTC-USDT,ETH-USDT", run + "-after", savepoint);
            try {
                assertThat(sim.awaitFinished(Duration.ofSeconds(90))).isTrue();
                List<Trade> published = SimTrades.toTrades(sim.publishedTrades(), SYMBOLS);
                long watermark =
                        published.stream().mapToLong(Trade::eventTimeMillis).max().orElseThrow()
                                - 2_001;
                long firstEth = firstEthWindowMicros(run);
                Predicate<Candle> compared =
                        c ->
                                c.closeTimeMicros() / 1000L - 1 <= watermark
                                        && (c.instrument().equals(BTC)
                                                || c.openTimeMicros() > firstEth);
                Set<String> expected = new java.util.HashSet<>();
                for (Candle c : CandleReference.candles(published, CandleInterval.S1)) {
                    if (compared.test(c)) {
                        expected.add(CandleReference.comparable(c));
                    }
                }
                for (Candle c : CandleReference.consolidated(published, CandleInterval.S1)) {
                    if (compared.test(c)) {
                        expected.add(CandleReference.comparable(c));
                    }
                }
                assertThat(expected).hasSizeGreaterThan(300);
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (!latest(run, compared).containsAll(expected)
                        && System.nanoTime() < deadline) {
                    Thread.sleep(250);
                }
                assertThat(FailureRecoveryITCase.differences(latest(run, compared), expected))
                        .as("1s candles, per venue and consolidated, vs reference")
                        .isEmpty();
                assertThat(MemorySink.<Candle>received(run + "-before-final"))
                        .as("BTC only before the resume")
                        .allMatch(c -> c.instrument().equals(BTC));
            } finally {
                CandlePipelineITCase.stop(second);
            }
        }
    }

    /** The window of the first ETH trade the job got: it started mid-window, so it is partial. */
    static long firstEthWindowMicros(String run) {
        return MemorySink.<Trade>received(run + "-after-trades").stream()
                .filter(t -> t.instrument().equals(ETH))
                .mapToLong(t -> CandleInterval.S1.openTimeMicros(t.eventTimeMicros()))
                .min()
                .orElseThrow(() -> new AssertionError("no ETH trade reached the job"));
    }

    /** The newest revision of every final 1s candle the compared predicate keeps. */
    static Set<String> latest(String run, Predicate<Candle> compared) {
        Map<String, Candle> newest = new HashMap<>();
        List<Candle> all = new ArrayList<>(MemorySink.<Candle>received(run + "-before-final"));
        all.addAll(MemorySink.received(run + "-after-final"));
        for (Candle c : all) {
            if (c.interval() == CandleInterval.S1 && compared.test(c)) {
                newest.merge(
                        c.source() + "|" + c.instrument() + "|" + c.openTimeMicros(),
                        c,
                        (a, b) -> a.revision() >= b.revision() ? a : b);
            }
        }
        return newest.values().stream()
                .map(CandleReference::comparable)
                .collect(Collectors.toSet());
    }

    static JobClient start(BinanceSimulator sim, String symbols, String run, String savepoint)
            throws Exception {
        CandleJobConfig config =
                CandleJobConfigLoader.fromMap(
                        Map.ofEntries(
                                Map.entry("symbols", symbols),
                                Map.entry("source.endpoint.binance", sim.wsBaseUri().toString()),
                                Map.entry(
                                        "source.rest-endpoint.binance",
                                        sim.restBaseUri().toString()),
                                Map.entry("source.reconnect.initial-backoff", "100 ms"),
                                Map.entry("candles.intervals", "1s,1m"),
                                Map.entry("checkpoint.interval", "500 ms"),
                                Map.entry("watermark.out-of-orderness", "2 s"),
                                Map.entry("watermark.idleness", "3 s")));
        Configuration c = new Configuration();
        c.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        c.set(PipelineOptions.GENERIC_TYPES, false);
        if (savepoint != null) {
            c.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(c);
        env.configure(c);
        env.setParallelism(2);
        new CandleJob(config, CandleJob.exchangeSource(config), MemorySink.jobSinks(run))
                .build(env);
        return env.executeAsync("reconfigured-resume-it");
    }
}
