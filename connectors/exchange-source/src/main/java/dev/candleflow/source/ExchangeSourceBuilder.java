package dev.candleflow.source;

import static dev.candleflow.source.ExchangeSourceOptions.BACKFILL_INITIAL_BACKOFF;
import static dev.candleflow.source.ExchangeSourceOptions.BACKFILL_MAX_ATTEMPTS;
import static dev.candleflow.source.ExchangeSourceOptions.BACKFILL_MAX_BACKOFF;
import static dev.candleflow.source.ExchangeSourceOptions.BACKFILL_MAX_HELD_TRADES;
import static dev.candleflow.source.ExchangeSourceOptions.BACKFILL_REQUESTS_PER_SECOND;
import static dev.candleflow.source.ExchangeSourceOptions.BACKFILL_REQUEST_TIMEOUT;
import static dev.candleflow.source.ExchangeSourceOptions.CONNECTION_MAX_AGE;
import static dev.candleflow.source.ExchangeSourceOptions.CONNECTION_RATE_BURST;
import static dev.candleflow.source.ExchangeSourceOptions.CONNECTION_RATE_LIMIT;
import static dev.candleflow.source.ExchangeSourceOptions.CONNECTION_RENEW_OVERLAP;
import static dev.candleflow.source.ExchangeSourceOptions.HEALTH_INTERVAL;
import static dev.candleflow.source.ExchangeSourceOptions.MAX_INSTRUMENTS_PER_CONNECTION;
import static dev.candleflow.source.ExchangeSourceOptions.QUEUE_CAPACITY;
import static dev.candleflow.source.ExchangeSourceOptions.QUEUE_OFFER_TIMEOUT;
import static dev.candleflow.source.ExchangeSourceOptions.RECONNECT_INITIAL_BACKOFF;
import static dev.candleflow.source.ExchangeSourceOptions.RECONNECT_MAX_ATTEMPTS;
import static dev.candleflow.source.ExchangeSourceOptions.RECONNECT_MAX_BACKOFF;
import static dev.candleflow.source.ExchangeSourceOptions.RECONNECT_STABLE_PERIOD;
import static org.apache.flink.util.Preconditions.checkArgument;
import static org.apache.flink.util.Preconditions.checkNotNull;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Venue;
import dev.candleflow.protocol.VenueEndpoints;
import dev.candleflow.source.backfill.BackfillSettings;
import dev.candleflow.source.reader.ReaderSettings;
import dev.candleflow.source.transport.JavaWebSocketTransport;
import dev.candleflow.source.transport.ReconnectPolicy;
import dev.candleflow.source.transport.WebSocketTransport;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/** Builds an {@link ExchangeSource}; {@link #build()} checks the settings. */
public final class ExchangeSourceBuilder {

    private final EnumMap<Venue, List<InstrumentId>> subscriptions = new EnumMap<>(Venue.class);
    private final EnumMap<Venue, VenueEndpoints> endpoints = new EnumMap<>(Venue.class);
    private WebSocketTransport transport = new JavaWebSocketTransport();
    private Configuration options = new Configuration();

    ExchangeSourceBuilder() {}

    /** Subscribes to the trades of these instruments on a venue. */
    public ExchangeSourceBuilder venue(Venue venue, List<InstrumentId> instruments) {
        subscriptions.put(checkNotNull(venue), List.copyOf(new LinkedHashSet<>(instruments)));
        return this;
    }

    /** Connects to this WebSocket base URI instead of the venue's own (the simulator). */
    public ExchangeSourceBuilder endpoint(Venue venue, URI webSocketBase) {
        VenueEndpoints current = endpoints.getOrDefault(checkNotNull(venue), VenueEndpoints.LIVE);
        endpoints.put(venue, new VenueEndpoints(checkNotNull(webSocketBase), current.rest()));
        return this;
    }

    /** Backfills over this REST base URI instead of the venue's own (the simulator). */
    public ExchangeSourceBuilder restEndpoint(Venue venue, URI restBase) {
        VenueEndpoints current = endpoints.getOrDefault(checkNotNull(venue), VenueEndpoints.LIVE);
        endpoints.put(venue, new VenueEndpoints(current.webSocket(), checkNotNull(restBase)));
        return this;
    }

    public ExchangeSourceBuilder transport(WebSocketTransport transport) {
        this.transport = transport;
        return this;
    }

    /** Settings from {@link ExchangeSourceOptions}. */
    public ExchangeSourceBuilder options(Configuration options) {
        this.options = options;
        return this;
    }

    public ExchangeSource build() {
        sanityCheck();
        ReconnectPolicy policy =
                new ReconnectPolicy(
                        options.get(RECONNECT_INITIAL_BACKOFF),
                        options.get(RECONNECT_MAX_BACKOFF),
                        options.get(RECONNECT_STABLE_PERIOD),
                        options.get(RECONNECT_MAX_ATTEMPTS),
                        options.get(CONNECTION_MAX_AGE),
                        options.get(CONNECTION_RENEW_OVERLAP));
        BackfillSettings backfill =
                new BackfillSettings(
                        options.get(BACKFILL_REQUEST_TIMEOUT),
                        options.get(BACKFILL_MAX_ATTEMPTS),
                        options.get(BACKFILL_INITIAL_BACKOFF),
                        options.get(BACKFILL_MAX_BACKOFF),
                        options.get(BACKFILL_REQUESTS_PER_SECOND),
                        options.get(BACKFILL_MAX_HELD_TRADES));
        ReaderSettings settings =
                new ReaderSettings(
                        policy,
                        options.get(QUEUE_CAPACITY),
                        options.get(QUEUE_OFFER_TIMEOUT),
                        options.get(HEALTH_INTERVAL),
                        options.get(CONNECTION_RATE_LIMIT),
                        options.get(CONNECTION_RATE_BURST),
                        backfill);
        return new ExchangeSource(
                new EnumMap<>(subscriptions),
                new EnumMap<>(endpoints),
                transport,
                settings,
                options.get(MAX_INSTRUMENTS_PER_CONNECTION));
    }

    private void sanityCheck() {
        checkArgument(
                !subscriptions.isEmpty(),
                "At least one venue with instruments is required but not provided.");
        subscriptions.forEach(
                (v, ids) -> checkArgument(!ids.isEmpty(), "Venue %s has no instruments.", v.id()));
        checkNotNull(transport, "transport is required but not provided.");
        checkArgument(options.get(QUEUE_CAPACITY) > 0, "%s must be > 0", QUEUE_CAPACITY.key());
        checkArgument(
                options.get(MAX_INSTRUMENTS_PER_CONNECTION) > 0,
                "%s must be > 0",
                MAX_INSTRUMENTS_PER_CONNECTION.key());
        checkArgument(
                options.get(CONNECTION_RATE_LIMIT) > 0 && options.get(CONNECTION_RATE_BURST) > 0,
                "%s and %s must be > 0",
                CONNECTION_RATE_LIMIT.key(),
                CONNECTION_RATE_BURST.key());
        checkArgument(
                options.get(BACKFILL_REQUESTS_PER_SECOND) > 0,
                "%s must be > 0",
                BACKFILL_REQUESTS_PER_SECOND.key());
        checkArgument(
                options.get(BACKFILL_MAX_ATTEMPTS) > 0 && options.get(BACKFILL_MAX_HELD_TRADES) > 0,
                "%s and %s must be > 0",
                BACKFILL_MAX_ATTEMPTS.key(),
                BACKFILL_MAX_HELD_TRADES.key());
        for (ConfigOption<Duration> d :
                List.of(HEALTH_INTERVAL, CONNECTION_MAX_AGE, BACKFILL_REQUEST_TIMEOUT)) {
            checkArgument(options.get(d).toMillis() > 0, "%s must be > 0", d.key());
        }
    }
}
