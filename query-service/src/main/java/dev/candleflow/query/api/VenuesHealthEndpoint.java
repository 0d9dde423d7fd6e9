package dev.candleflow.query.api;

import dev.candleflow.query.store.CachedReads;
import dev.candleflow.query.store.FeedHealthRow;
import dev.candleflow.query.stream.CandleStreamHub;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code GET /v1/venues/health}: per venue, the state its connections last reported (table
 * feed_health) and when this service last saw one of its candles on the stream. A venue whose
 * newest report is older than two minutes is {@code stale}; one without reports is {@code unknown}.
 */
public final class VenuesHealthEndpoint implements Endpoint {

    static final long STALE_AFTER_MS = 120_000;

    private final CachedReads reads;
    private final CandleStreamHub hub;

    public VenuesHealthEndpoint(CachedReads reads, CandleStreamHub hub) {
        this.reads = reads;
        this.hub = hub;
    }

    /** One connection (split) of a venue, as it last reported. */
    public record Connection(
            String splitId,
            String state,
            long lastReportTime,
            long frames,
            long trades,
            long reconnects,
            long gaps,
            long tradesBackfilled,
            long unrecoverableGaps,
            long duplicates,
            long deadLetters,
            long lastMessageAgeMs,
            double lagP50Ms,
            double lagP99Ms) {}

    /** One venue: its summarized state and connections. */
    public record VenueHealth(
            String venue,
            String state,
            Long lastReportTime,
            Long lastStreamEventTime,
            List<Connection> connections) {}

    /** The response body. */
    public record Body(long time, List<VenueHealth> data) {}

    @Override
    public ApiResponse handle(ApiRequest request) {
        Params.of(request.query(), Set.of());
        Map<String, List<Connection>> byVenue = new TreeMap<>();
        for (String v : Lookups.venues(reads.catalog(), false)) {
            byVenue.put(v, new ArrayList<>());
        }
        for (FeedHealthRow r : reads.feedHealth()) {
            byVenue.computeIfAbsent(r.venue(), k -> new ArrayList<>()).add(connection(r));
        }
        Map<String, Long> streamTimes = hub.lastEventTimes();
        List<VenueHealth> data = new ArrayList<>();
        byVenue.forEach(
                (venue, connections) -> {
                    Long last =
                            connections.stream()
                                    .map(Connection::lastReportTime)
                                    .max(Long::compare)
                                    .orElse(null);
                    data.add(
                            new VenueHealth(
                                    venue,
                                    state(connections, last, request.nowMillis()),
                                    last,
                                    streamTimes.get(venue),
                                    connections));
                });
        return ApiResponse.json(new Body(request.nowMillis(), data));
    }

    static String state(List<Connection> connections, Long lastReport, long now) {
        if (connections.isEmpty() || lastReport == null) {
            return "unknown";
        }
        if (now - lastReport > STALE_AFTER_MS) {
            return "stale";
        }
        Set<String> states = new java.util.HashSet<>();
        connections.forEach(c -> states.add(c.state()));
        if (states.contains("failed")) {
            return "failed";
        }
        if (states.contains("backoff") || states.contains("connecting")) {
            return "degraded";
        }
        return states.contains("backfilling") ? "backfilling" : "open";
    }

    private static Connection connection(FeedHealthRow r) {
        return new Connection(
                r.splitId(),
                r.state(),
                r.lastReportTime(),
                r.frames(),
                r.trades(),
                r.reconnects(),
                r.gaps(),
                r.tradesBackfilled(),
                r.unrecoverableGaps(),
                r.duplicates(),
                r.deadLetters(),
                r.lastMessageAgeMs(),
                r.lagP50Ms(),
                r.lagP99Ms());
    }
}
