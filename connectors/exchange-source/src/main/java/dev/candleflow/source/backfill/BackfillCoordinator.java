package dev.candleflow.source.backfill;

import dev.candleflow.model.Venue;
import dev.candleflow.protocol.TradeBackfill;
import dev.candleflow.source.transport.TokenBucket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reader's REST backfills: one {@link BackfillWorker} (thread, rate limit, HTTP client) per
 * venue, at most {@value #MAX_IN_FLIGHT} pages in flight, answers handed to the fetcher thread
 * through a bounded queue. {@link #request} and {@link #drain} run on the fetcher thread only; a
 * page is answered on a worker thread, which then wakes the fetcher.
 */
public final class BackfillCoordinator implements PageRequester, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackfillCoordinator.class);

    /** Pages requested but not drained yet; further requests wait their turn. */
    static final int MAX_IN_FLIGHT = 64;

    private static final int BURST = 2;

    private final BackfillSettings settings;
    private final Function<Venue, TradeBackfill> backfills;
    private final Runnable wakeUp;
    private final Map<Venue, BackfillWorker> workers = new EnumMap<>(Venue.class);

    /** At most one request per instrument (the guard asks for the next page after this one). */
    private final ArrayDeque<PageRequest> waiting = new ArrayDeque<>();

    private final ArrayBlockingQueue<BackfillPage> answers =
            new ArrayBlockingQueue<>(MAX_IN_FLIGHT);
    private int inFlight;

    /**
     * @param settings this reader's share (see {@link BackfillSettings#perReader})
     * @param backfills the backfill of each venue that has one
     * @param wakeUp called after each answer, so a waiting fetch returns
     */
    public BackfillCoordinator(
            BackfillSettings settings, Function<Venue, TradeBackfill> backfills, Runnable wakeUp) {
        this.settings = settings;
        this.backfills = backfills;
        this.wakeUp = wakeUp;
    }

    @Override
    public void request(PageRequest request) {
        if (inFlight < MAX_IN_FLIGHT) {
            dispatch(request);
        } else {
            waiting.add(request);
        }
    }

    /** The answers that arrived since the last call; sends waiting requests on. */
    public List<BackfillPage> drain() {
        List<BackfillPage> pages = new ArrayList<>();
        answers.drainTo(pages);
        inFlight -= pages.size();
        while (inFlight < MAX_IN_FLIGHT && !waiting.isEmpty()) {
            dispatch(waiting.poll());
        }
        return pages;
    }

    private void dispatch(PageRequest request) {
        inFlight++;
        workers.computeIfAbsent(request.venue(), this::worker).submit(request);
    }

    private BackfillWorker worker(Venue venue) {
        return new BackfillWorker(
                venue,
                backfills.apply(venue),
                new RestClient(settings.requestTimeout(), settings.requestTimeout()),
                new TokenBucket(settings.requestsPerSecond(), BURST),
                settings,
                this::answered);
    }

    private void answered(BackfillPage page) {
        if (!answers.offer(page)) {
            // Cannot happen: in-flight requests never exceed the queue's capacity.
            LOG.error("Backfill answer dropped for {}; queue full", page.request().instrument());
        }
        wakeUp.run();
    }

    @Override
    public void close() {
        workers.values().forEach(BackfillWorker::close);
        workers.clear();
    }
}
