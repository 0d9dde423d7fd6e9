package dev.candleflow.source.backfill;

import dev.candleflow.model.Trade;
import dev.candleflow.model.Venue;
import dev.candleflow.protocol.ParsedFrame;
import dev.candleflow.protocol.TradeBackfill;
import dev.candleflow.source.transport.Clocks;
import dev.candleflow.source.transport.TokenBucket;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches pages of one venue on its own thread, within the venue's request rate: retries timeouts,
 * connection errors, 5xx and unusable bodies with exponential backoff and full jitter, honours
 * {@code Retry-After} on 429/418, and gives up on other 4xx. Every request ends in exactly one
 * {@link BackfillPage}.
 */
final class BackfillWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackfillWorker.class);

    private final Venue venue;
    private final TradeBackfill backfill;
    private final RestClient rest;
    private final TokenBucket rate;
    private final BackfillSettings settings;
    private final Consumer<BackfillPage> done;
    private final ScheduledExecutorService executor;
    private final SplittableRandom random = new SplittableRandom();

    BackfillWorker(
            Venue venue,
            TradeBackfill backfill,
            RestClient rest,
            TokenBucket rate,
            BackfillSettings settings,
            Consumer<BackfillPage> done) {
        this.venue = venue;
        this.backfill = backfill;
        this.rest = rest;
        this.rate = rate;
        this.settings = settings;
        this.done = done;
        this.executor =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "exchange-source-backfill-" + venue.id());
                            t.setDaemon(true);
                            return t;
                        });
    }

    void submit(PageRequest request) {
        executor.schedule(
                () -> attempt(request, 1), request.delay().toNanos(), TimeUnit.NANOSECONDS);
    }

    private void attempt(PageRequest request, int attempt) {
        Duration wait = rate.tryAcquire();
        if (!wait.isZero()) {
            executor.schedule(
                    () -> attempt(request, attempt), wait.toNanos(), TimeUnit.NANOSECONDS);
            return;
        }
        try {
            fetch(request, attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.accept(BackfillPage.failed(request, "interrupted while closing"));
        } catch (IOException e) {
            retry(request, attempt, e.toString(), null);
        } catch (RuntimeException e) {
            LOG.warn("{} backfill of {} failed", venue, request.instrument(), e);
            done.accept(BackfillPage.failed(request, e.toString()));
        }
    }

    private void fetch(PageRequest request, int attempt) throws IOException, InterruptedException {
        RestClient.Response r =
                rest.get(
                        backfill.request(
                                request.instrument(), request.fromSequence(), request.limit()));
        int status = r.status();
        if (r.ok()) {
            ParsedFrame parsed = backfill.parse(r.body(), request.instrument(), Clocks.nowMicros());
            if (parsed instanceof ParsedFrame.Trades t) {
                done.accept(BackfillPage.of(request, onlyOf(request, t.trades())));
            } else if (parsed instanceof ParsedFrame.Malformed m) {
                retry(
                        request,
                        attempt,
                        "unusable body (" + m.reason() + ": " + m.detail() + ")",
                        null);
            } else {
                retry(request, attempt, "unexpected answer " + parsed, null);
            }
        } else if (status == 429 || status == 418) {
            Duration pause = r.retryAfter().orElse(backoff(attempt));
            rate.pauseFor(pause);
            retry(request, attempt, "HTTP " + status + " (rate limited)", pause);
        } else if (status >= 500) {
            retry(request, attempt, "HTTP " + status, null);
        } else {
            done.accept(BackfillPage.failed(request, "HTTP " + status + ": " + cut(r.body())));
        }
    }

    private static List<Trade> onlyOf(PageRequest request, List<Trade> trades) {
        return trades.stream().filter(t -> t.instrument().equals(request.instrument())).toList();
    }

    private void retry(PageRequest request, int attempt, String why, Duration pause) {
        if (attempt >= settings.maxAttempts()) {
            done.accept(BackfillPage.failed(request, why + " after " + attempt + " attempt(s)"));
            return;
        }
        Duration delay = pause != null ? pause : backoff(attempt);
        LOG.info(
                "{} backfill of {} from {}: {}; attempt {} in {} ms",
                venue,
                request.instrument(),
                request.fromSequence(),
                why,
                attempt + 1,
                delay.toMillis());
        executor.schedule(
                () -> attempt(request, attempt + 1), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Full jitter: uniform in [0, min(max, initial * 2^(attempt-1))]. */
    private Duration backoff(int attempt) {
        long initial = settings.initialBackoff().toMillis();
        long ceiling =
                Math.min(settings.maxBackoff().toMillis(), initial << Math.min(attempt - 1, 20));
        return Duration.ofMillis(random.nextLong(Math.max(1L, ceiling) + 1));
    }

    private static String cut(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
