package dev.candleflow.cluster.testutils;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.job.testutils.CandleReaders;
import dev.candleflow.job.testutils.CandleReference;
import dev.candleflow.job.testutils.SimTrades;
import dev.candleflow.local.ClickHouseServer;
import dev.candleflow.local.KafkaServer;
import dev.candleflow.model.Candle;
import dev.candleflow.model.CandleInterval;
import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Trade;
import dev.candleflow.simulator.BinanceSimulator;
import dev.candleflow.simulator.market.SimTrade;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One run of the candle job against the simulator and the real stores: the job's program arguments
 * as an operator passes them, the outages the test caused, and the final check that ClickHouse
 * (FINAL) and Kafka (read_committed, newest per key) hold exactly the reference candles.
 */
public final class CandleRun {

    public static final Map<String, InstrumentId> SYMBOLS =
            Map.of(
                    "BTCUSDT", InstrumentId.parse("BTC-USDT"),
                    "ETHUSDT", InstrumentId.parse("ETH-USDT"),
                    "SOLUSDT", InstrumentId.parse("SOL-USDT"));
    static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(2);

    private final BinanceSimulator sim;
    private final ClickHouseServer ch;
    private final KafkaServer kafka;
    private final String name;
    private final List<long[]> outages = new ArrayList<>();

    public CandleRun(BinanceSimulator sim, ClickHouseServer ch, KafkaServer kafka, String name) {
        this.sim = sim;
        this.ch = ch;
        this.kafka = kafka;
        this.name = name;
    }

    /**
     * A seeded market of three symbols, 4 trades per second each, {@code speed} times faster than
     * real time, that starts when the job subscribes and ends after {@code eventDuration}.
     */
    public static BinanceSimulator simulator(Duration eventDuration, double speed)
            throws IOException {
        // Whole minutes, and far enough back that even the last trade is in the past.
        long start =
                System.currentTimeMillis() / 60_000L * 60_000L
                        - eventDuration.toMillis()
                        - 300_000L;
        return BinanceSimulator.builder()
                .symbols(SYMBOLS.keySet())
                .seed(11)
                .tradesPerSecond(4)
                .speed(speed)
                .startTimeMillis(start)
                .eventDuration(eventDuration)
                .build()
                .start();
    }

    /** The job's arguments ({@code --key value}), with {@code overrides} replacing defaults. */
    public List<String> programArgs(Map<String, String> overrides) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put(
                "symbols",
                SYMBOLS.values().stream()
                        .map(Object::toString)
                        .sorted()
                        .collect(Collectors.joining(",")));
        s.put("source.endpoint.binance", sim.wsBaseUri().toString());
        s.put("source.rest-endpoint.binance", sim.restBaseUri().toString());
        s.put("source.reconnect.initial-backoff", "100 ms");
        s.put("clickhouse.url", "jdbc:clickhouse://127.0.0.1:" + ch.httpPort());
        s.put("clickhouse.database", database());
        s.put("clickhouse.batch-interval", "200 ms");
        s.put("clickhouse.trades", "true");
        s.put("kafka.bootstrap-servers", kafka.bootstrapServers());
        s.put("kafka.topic.candles", candlesTopic());
        s.put("kafka.topic.candles-live", name + "-candles-live");
        s.put("kafka.topic.outliers", name + "-outliers");
        s.put("kafka.topic.dead-letters", name + "-dead-letters");
        s.put("kafka.topic.feed-health", name + "-feed-health");
        s.put("kafka.transaction-timeout", "60 s");
        s.put("kafka.transactional-id-prefix", name);
        s.put("checkpoint.interval", "1 s");
        s.put("watermark.out-of-orderness", OUT_OF_ORDERNESS.toSeconds() + " s");
        s.put("watermark.idleness", "3 s");
        s.putAll(overrides);
        List<String> args = new ArrayList<>();
        s.forEach((k, v) -> args.addAll(List.of("--" + k, v)));
        return args;
    }

    public String database() {
        return "it_" + name;
    }

    public String candlesTopic() {
        return name + "-candles";
    }

    /** The job stops reading (TaskManager killed, job stopped) as of now. */
    public void outageBegins() {
        outages.add(new long[] {sim.publishedTradeCount(), -1});
    }

    /** The job reads again as of now. */
    public void outageEnds() {
        outages.get(outages.size() - 1)[1] = sim.publishedTradeCount();
    }

    /**
     * Trades the venue published while the job was not reading: only the REST backfill has them.
     */
    public long tradesPublishedDuringOutages() {
        return outages.stream().mapToLong(o -> o[1] - o[0]).sum();
    }

    /** The reference candles of the published trades that the final watermark closed. */
    public Set<String> expected() {
        List<Trade> published = SimTrades.toTrades(sim.publishedTrades(), SYMBOLS);
        long lastTrade = published.stream().mapToLong(Trade::eventTimeMillis).max().orElseThrow();
        long watermark = lastTrade - OUT_OF_ORDERNESS.toMillis() - 1;
        List<Candle> reference = new ArrayList<>();
        for (CandleInterval interval : CandleInterval.values()) {
            reference.addAll(CandleReference.candles(published, interval));
            reference.addAll(CandleReference.consolidated(published, interval));
        }
        return reference.stream()
                .filter(c -> c.closeTimeMicros() / 1000L - 1 <= watermark)
                .map(CandleReference::comparable)
                .collect(Collectors.toSet());
    }

    /**
     * Waits until both stores hold as many candles as the reference (or {@code timeout} passes),
     * then asserts they hold exactly the reference; a mismatch reports which published trades the
     * job never stored, and whether they were published during an outage.
     */
    public void assertStoresEqualReference(Duration timeout) throws Exception {
        Set<String> expected = expected();
        assertThat(expected).as("reference candles").hasSizeGreaterThan(1000);
        String url = "jdbc:clickhouse://127.0.0.1:" + ch.httpPort() + "/" + database();
        try {
            Await.until(
                    expected.size() + " candles in ClickHouse and Kafka",
                    timeout,
                    () ->
                            CandleReaders.fromClickHouse(url).size() >= expected.size()
                                    && CandleReaders.latestFromKafka(
                                                            kafka.bootstrapServers(),
                                                            candlesTopic())
                                                    .size()
                                            >= expected.size());
        } catch (AssertionError e) {
            // compare anyway: the differences say more than the timeout
        }
        List<String> clickHouse =
                differences(comparable(CandleReaders.fromClickHouse(url)), expected);
        List<String> kafkaDiff =
                differences(
                        comparable(
                                List.copyOf(
                                        CandleReaders.latestFromKafka(
                                                        kafka.bootstrapServers(), candlesTopic())
                                                .values())),
                        expected);
        String report =
                clickHouse.isEmpty() && kafkaDiff.isEmpty()
                        ? ""
                        : new TradeAudit(sim, ch, database(), outages).report()
                                + "\nKafka vs reference: "
                                + kafkaDiff
                                + "\n"
                                + history(clickHouse, kafkaDiff);
        assertThat(clickHouse).as("ClickHouse FINAL vs reference%s", report).isEmpty();
        assertThat(kafkaDiff).as("Kafka read_committed vs reference%s", report).isEmpty();
    }

    /**
     * Every Kafka record (all revisions, live and final) of the candles that differ, written to
     * {@code target/it-artifacts/<database>-history.txt}: how each got to its wrong last state.
     */
    private String history(List<String> clickHouse, List<String> kafkaDiff) throws IOException {
        Set<String> identities = new java.util.TreeSet<>();
        for (String line : concat(clickHouse, kafkaDiff)) {
            String[] f = line.replaceFirst("^(job only|reference only): ", "").split("\\|");
            if (f.length > 4 && !line.startsWith("job ")) {
                identities.add(f[0] + "|" + f[1] + "|" + f[2] + "|" + f[3]);
            }
        }
        StringBuilder out = new StringBuilder();
        for (CandleReaders.KafkaCandle r :
                CandleReaders.allFromKafka(kafka.bootstrapServers(), candlesTopic())) {
            Candle c = r.candle();
            String identity =
                    c.source()
                            + "|"
                            + c.instrument()
                            + "|"
                            + c.interval().label()
                            + "|"
                            + c.openTimeMicros();
            if (identities.contains(identity)) {
                out.append(
                        String.format(
                                "%s p%d@%d t=%d final=%s rev=%d trades=%d first=%d last=%d%n",
                                identity,
                                r.partition(),
                                r.offset(),
                                r.timestamp(),
                                c.isFinal(),
                                c.revision(),
                                c.tradeCount(),
                                c.firstTradeTimeMicros(),
                                c.lastTradeTimeMicros()));
            }
        }
        java.nio.file.Path file =
                java.nio.file.Path.of("target", "it-artifacts", database() + "-history.txt");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, out);
        return "candle history (all Kafka records of the differing candles): "
                + file.toAbsolutePath();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Published trades the job stored once each in its trades table (clickhouse.trades). */
    public void assertEveryTradeStoredOnce() throws IOException {
        long stored =
                Long.parseLong(
                        ch.execute("SELECT count() FROM " + database() + ".trades FINAL").strip());
        long published = sim.publishedTrades().size();
        String report =
                stored == published ? "" : new TradeAudit(sim, ch, database(), outages).report();
        assertThat(stored).as("trades stored (FINAL) vs published%s", report).isEqualTo(published);
    }

    static Set<String> comparable(List<Candle> candles) {
        return candles.stream().map(CandleReference::comparable).collect(Collectors.toSet());
    }

    /** What only one side has, a few of each, or empty when the sets are equal. */
    static List<String> differences(Set<String> actual, Set<String> expected) {
        List<String> out = new ArrayList<>();
        actual.stream()
                .filter(a -> !expected.contains(a))
                .sorted()
                .limit(5)
                .forEach(a -> out.add("job only: " + a));
        expected.stream()
                .filter(e -> !actual.contains(e))
                .sorted()
                .limit(5)
                .forEach(e -> out.add("reference only: " + e));
        if (!out.isEmpty()) {
            long onlyJob = actual.stream().filter(a -> !expected.contains(a)).count();
            long onlyRef = expected.stream().filter(e -> !actual.contains(e)).count();
            out.add(
                    0,
                    "job "
                            + actual.size()
                            + " candles ("
                            + onlyJob
                            + " not in the reference), reference "
                            + expected.size()
                            + " ("
                            + onlyRef
                            + " missing in the job)");
        }
        return out;
    }

    /** SimTrade's native symbol to the canonical one. */
    static InstrumentId instrument(SimTrade t) {
        return SYMBOLS.get(t.symbol());
    }
}
