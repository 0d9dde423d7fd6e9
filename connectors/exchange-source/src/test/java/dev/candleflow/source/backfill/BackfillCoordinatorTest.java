package dev.candleflow.source.backfill;

import static dev.candleflow.source.testutils.TestTrades.BTC;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.candleflow.model.Trade;
import dev.candleflow.model.Venue;
import dev.candleflow.protocol.TradeBackfill;
import dev.candleflow.protocol.binance.BinanceAdapter;
import dev.candleflow.source.testutils.Await;
import dev.candleflow.source.testutils.HistoricalTradesServer;
import dev.candleflow.source.testutils.HistoricalTradesServer.VenueTrade;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** REST pages over a local Binance stub: paging, retries, rate limits and giving up. */
class BackfillCoordinatorTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final List<VenueTrade> VENUE =
            LongStream.rangeClosed(100, 2600)
                    .mapToObj(
                            id ->
                                    new VenueTrade(
                                            "BTCUSDT",
                                            id,
                                            new BigDecimal("16578.50000000"),
                                            new BigDecimal("0.00100000"),
                                            1_672_515_782_000L + id,
                                            id % 2 == 0))
                    .toList();

    private final List<BackfillPage> answers = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    private BackfillCoordinator coordinator(URI rest, BackfillSettings settings) {
        TradeBackfill backfill =
                new BinanceAdapter(URI.create("ws://127.0.0.1:9"), rest).backfill().orElseThrow();
        BackfillCoordinator c = new BackfillCoordinator(settings, v -> backfill, () -> {});
        closing.add(c);
        return c;
    }

    private HistoricalTradesServer server() throws IOException {
        HistoricalTradesServer s = new HistoricalTradesServer(() -> VENUE);
        closing.add(s);
        return s;
    }

    private static BackfillSettings settings(int attempts, Duration timeout, double rate) {
        return new BackfillSettings(
                timeout, attempts, Duration.ofMillis(10), Duration.ofMillis(40), rate, 1000);
    }

    private static PageRequest page(long from, int limit) {
        return new PageRequest("binance-0", Venue.BINANCE, BTC, from, limit, Duration.ZERO);
    }

    private List<BackfillPage> await(BackfillCoordinator c, int n) {
        Await.until(
                n + " answer(s)",
                WAIT,
                () -> {
                    answers.addAll(c.drain());
                    return answers.size() >= n;
                });
        return answers;
    }

    @Test
    void fetchesAPageOfExactTradesFromTheVenue() throws IOException {
        HistoricalTradesServer venue = server();
        BackfillCoordinator c =
                coordinator(venue.baseUri(), settings(3, Duration.ofSeconds(5), 50));
        c.request(page(150, 1000));
        BackfillPage p = await(c, 1).get(0);
        assertThat(p.failed()).isFalse();
        assertThat(p.full()).isTrue();
        assertThat(p.trades()).hasSize(1000);
        Trade first = p.trades().get(0);
        assertThat(first.sequence()).isEqualTo(150);
        assertThat(first.price()).isEqualTo(new BigDecimal("16578.50000000"));
        assertThat(first.eventTimeMicros()).isEqualTo((1_672_515_782_000L + 150) * 1000L);
    }

    @Test
    void retriesServerErrorsAndRateLimitsUntilItGetsThePage() throws IOException {
        HistoricalTradesServer venue = server().failEvery(2, 500);
        BackfillCoordinator c =
                coordinator(venue.baseUri(), settings(5, Duration.ofSeconds(5), 50));
        for (int i = 0; i < 4; i++) {
            c.request(page(100 + i * 10L, 10));
        }
        assertThat(await(c, 4)).noneMatch(BackfillPage::failed);
        assertThat(venue.failures()).isGreaterThanOrEqualTo(2);

        HistoricalTradesServer limited = server().failEvery(2, 429);
        BackfillCoordinator d =
                coordinator(limited.baseUri(), settings(5, Duration.ofSeconds(5), 50));
        answers.clear();
        d.request(page(100, 5));
        d.request(page(200, 5));
        assertThat(await(d, 2)).noneMatch(BackfillPage::failed);
        assertThat(limited.failures()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void givesUpOnClientErrorsAtOnceAndOnTimeoutsAfterTheAttempts() throws IOException {
        HistoricalTradesServer rejecting = server().failEvery(1, 400);
        BackfillCoordinator c =
                coordinator(rejecting.baseUri(), settings(5, Duration.ofSeconds(5), 50));
        c.request(page(100, 5));
        BackfillPage p = await(c, 1).get(0);
        assertThat(p.failure()).startsWith("HTTP 400");
        assertThat(rejecting.requests()).isEqualTo(1);

        HttpServer silent = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        silent.createContext("/", exchange -> {}); // never answers
        silent.setExecutor(Executors.newCachedThreadPool());
        silent.start();
        closing.add(() -> silent.stop(0));
        URI base = URI.create("http://127.0.0.1:" + silent.getAddress().getPort());
        BackfillCoordinator d = coordinator(base, settings(2, Duration.ofMillis(200), 50));
        answers.clear();
        d.request(page(100, 5));
        assertThat(await(d, 1).get(0).failure()).contains("after 2 attempt(s)");
    }

    @Test
    void keepsToTheVenueRequestRateAndAnswersEveryRequest() throws IOException {
        HistoricalTradesServer venue = server();
        BackfillCoordinator c =
                coordinator(venue.baseUri(), settings(3, Duration.ofSeconds(5), 50));
        long t0 = System.nanoTime();
        int n = BackfillCoordinator.MAX_IN_FLIGHT + 6; // some wait for a free slot
        for (int i = 0; i < n; i++) {
            c.request(page(100 + i, 1));
        }
        assertThat(await(c, n)).hasSize(n).noneMatch(BackfillPage::failed);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        // burst of 2, then 50 per second: 70 requests need at least (70 - 2) / 50 s
        assertThat(millis).isGreaterThanOrEqualTo(1_300);
    }
}
