package dev.candleflow.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.candleflow.job.candles.CandleAccumulator;
import dev.candleflow.job.candles.CandleAggregate;
import dev.candleflow.model.Trade;
import dev.candleflow.protocol.ParsedFrame;
import dev.candleflow.protocol.binance.BinanceAdapter;
import java.io.IOException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-trade hot path on one core: read a Binance frame into an exact {@link Trade}, and fold a
 * trade into a candle. Baselines in the same run: a bare Jackson token scan of the same frames
 * (what any JSON reading costs at least) and the same candle update in doubles (what exactness
 * costs).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class HotPathBenchmark {

    /** Trades per candle before it is started afresh, as a 1s window of a busy market. */
    static final int TRADES_PER_CANDLE = 1_000;

    private static final JsonFactory JSON = new JsonFactory();

    private String[] frames;
    private Trade[] trades;
    private final BinanceAdapter adapter = new BinanceAdapter();
    private CandleAccumulator acc = new CandleAccumulator();
    private final DoubleCandle doubles = new DoubleCandle();
    private int next;
    private int inCandle;
    private long receivedAt;

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(42);
        frames = new String[4096];
        trades = new Trade[frames.length];
        receivedAt = System.currentTimeMillis() * 1000L;
        long time = System.currentTimeMillis() - 60_000;
        long price = 3_000_000_000L;
        for (int i = 0; i < frames.length; i++) {
            time += r.nextInt(3);
            price += r.nextInt(201) - 100;
            frames[i] =
                    "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":"
                            + time
                            + ",\"s\":\"BTCUSDT\",\"t\":"
                            + (2_490_125_311L + i)
                            + ",\"p\":\""
                            + java.math.BigDecimal.valueOf(price, 5).setScale(8)
                            + "\",\"q\":\""
                            + java.math.BigDecimal.valueOf(1 + r.nextInt(5_000_000), 8)
                            + "\",\"T\":"
                            + time
                            + ",\"m\":"
                            + r.nextBoolean()
                            + ",\"M\":true}}";
            trades[i] = ((ParsedFrame.Trades) adapter.parse(frames[i], receivedAt)).trades().get(0);
        }
    }

    private int nextIndex() {
        int i = next;
        next = (next + 1) & (frames.length - 1);
        return i;
    }

    private CandleAccumulator candle() {
        if (++inCandle == TRADES_PER_CANDLE) {
            inCandle = 0;
            acc = new CandleAccumulator();
        }
        return acc;
    }

    /** Baseline: every token of the frame read by Jackson, nothing built. */
    @Benchmark
    public int jsonTokenScan() throws IOException {
        int tokens = 0;
        try (JsonParser p = JSON.createParser(frames[nextIndex()])) {
            while (p.nextToken() != null) {
                tokens++;
            }
        }
        return tokens;
    }

    /** The adapter: frame to an exact, validated trade. */
    @Benchmark
    public ParsedFrame parse() {
        return adapter.parse(frames[nextIndex()], receivedAt);
    }

    /** Baseline: the candle update in doubles (inexact). */
    @Benchmark
    public DoubleCandle updateInDoubles() {
        Trade t = trades[nextIndex()];
        return doubles.add(
                t.price().doubleValue(), t.quantity().doubleValue(), t.eventTimeMicros());
    }

    /** The exact candle update the job does per trade. */
    @Benchmark
    public CandleAccumulator update() {
        return CandleAggregate.addTo(candle(), trades[nextIndex()]);
    }

    /** Parse, then update: the whole per-trade path of the job's hot operators. */
    @Benchmark
    public CandleAccumulator parseAndUpdate() {
        ParsedFrame f = adapter.parse(frames[nextIndex()], receivedAt);
        return CandleAggregate.addTo(candle(), ((ParsedFrame.Trades) f).trades().get(0));
    }

    /** The same fields in doubles; only a yardstick. */
    public static final class DoubleCandle {
        double open = Double.NaN;
        double high = Double.NEGATIVE_INFINITY;
        double low = Double.POSITIVE_INFINITY;
        double close;
        double volume;
        double quote;
        long count;
        long openTime = Long.MAX_VALUE;

        DoubleCandle add(double price, double qty, long time) {
            if (time < openTime) {
                openTime = time;
                open = price;
            }
            high = Math.max(high, price);
            low = Math.min(low, price);
            close = price;
            volume += qty;
            quote += price * qty;
            count++;
            return this;
        }
    }
}
