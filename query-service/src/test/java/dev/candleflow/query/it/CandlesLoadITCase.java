package dev.candleflow.query.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.local.ClickHouseExtension;
import dev.candleflow.local.KafkaExtension;
import dev.candleflow.query.testutils.Pipeline;
import dev.candleflow.query.testutils.PipelineExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A bounded load run against /v1/candles on loopback: 4 client threads for 10 s, once on the hot
 * (cached) path and once with every request a different range (each one a ClickHouse query). Prints
 * p50/p99 latency and requests/s, and writes them to target/it-artifacts/load.txt.
 */
@ExtendWith({ClickHouseExtension.class, KafkaExtension.class, PipelineExtension.class})
class CandlesLoadITCase {

    static final int THREADS = 4;
    static final Duration RUN = Duration.ofSeconds(10);
    static final long NEWEST = System.currentTimeMillis() / 60_000L * 60_000L;

    /** What one run measured. */
    record Result(
            String name,
            long requests,
            long errors,
            double seconds,
            long p50Micros,
            long p99Micros) {
        String line() {
            return String.format(
                    "%-28s %7d req  %6.0f req/s  p50 %6.2f ms  p99 %6.2f ms  errors %d",
                    name,
                    requests,
                    requests / seconds,
                    p50Micros / 1000.0,
                    p99Micros / 1000.0,
                    errors);
        }
    }

    @Test
    void candlesUnderLoad(Pipeline pipeline) throws Exception {
        String key = pipeline.key("load");
        URI base = pipeline.uri();
        run("warm-up", base, key, false, Duration.ofSeconds(2));
        Result hot = run("hot (cached, same query)", base, key, false, RUN);
        Result cold = run("cold (distinct queries)", base, key, true, RUN);
        String report =
                "GET /v1/candles?symbol=…&venue=binance&interval=1m&order=desc&limit=100, "
                        + THREADS
                        + " threads x "
                        + RUN.toSeconds()
                        + " s on 127.0.0.1\n"
                        + hot.line()
                        + "\n"
                        + cold.line()
                        + "\n";
        System.out.print(report);
        Path dir = Path.of(System.getProperty("candleflow.query.artifacts", "target/it-artifacts"));
        Files.createDirectories(dir);
        Files.writeString(
                dir.resolve("load.txt"),
                report,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
        for (Result r : List.of(hot, cold)) {
            assertThat(r.errors()).isZero();
            assertThat(r.requests()).isGreaterThan(100);
            assertThat(r.p99Micros()).isLessThan(2_000_000);
        }
    }

    static Result run(String name, URI base, String key, boolean distinct, Duration duration)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicLong errors = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            futures.add(pool.submit(() -> loop(base, key, distinct, deadline, errors, sequence)));
        }
        List<Long> latencies = new ArrayList<>();
        for (Future<long[]> f : futures) {
            for (long l : f.get()) {
                latencies.add(l);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(
                name,
                sorted.length,
                errors.get(),
                seconds,
                sorted[(int) (sorted.length * 0.50)],
                sorted[(int) Math.min(sorted.length - 1, sorted.length * 0.99)]);
    }

    static long[] loop(
            URI base,
            String key,
            boolean distinct,
            long deadline,
            AtomicLong errors,
            AtomicLong sequence)
            throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long[] latencies = new long[1 << 16];
        int n = 0;
        String[] symbols = Pipeline.SYMBOLS.toArray(String[]::new);
        while (System.nanoTime() < deadline && n < latencies.length) {
            long i = sequence.incrementAndGet();
            String q =
                    "/v1/candles?symbol="
                            + symbols[(int) (i % symbols.length)]
                            + "&venue=binance&interval=1m&order=desc"
                            + (distinct
                                    ? "&limit="
                                            + (50 + i % 50)
                                            + "&to="
                                            + (NEWEST - (i / 50 % 100) * 60_000L)
                                    : "&limit=100");
            HttpRequest request =
                    HttpRequest.newBuilder(base.resolve(q)).header("X-API-Key", key).GET().build();
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            latencies[n++] = (System.nanoTime() - t0) / 1000;
            if (r.statusCode() != 200) {
                errors.incrementAndGet();
            }
        }
        return Arrays.copyOf(latencies, n);
    }
}
