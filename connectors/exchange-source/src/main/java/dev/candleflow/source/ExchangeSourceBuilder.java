package dev.candleflow.source;

import static org.apache.flink.util.Preconditions.checkArgument;
import static org.apache.flink.util.Preconditions.checkNotNull;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Venue;
import dev.candleflow.protocol.VenueEndpoints;
import dev.candleflow.source.transport.JavaWebSocketTransport;
import dev.candleflow.source.transport.ReconnectPolicy;
import dev.candleflow.source.transport.WebSocketTransport;
import java.net.URI;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
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
                        options.get(ExchangeSourceOptions.RECONNECT_INITIAL_BACKOFF),
                        options.get(ExchangeSourceOptions.RECONNECT_MAX_BACKOFF),
                        options.get(ExchangeSourceOptions.RECONNECT_STABLE_PERIOD),
                        options.get(ExchangeSourceOptions.RECONNECT_MAX_ATTEMPTS));
        return new ExchangeSource(
                new EnumMap<>(subscriptions),
                new EnumMap<>(endpoints),
                transport,
                policy,
                options.get(ExchangeSourceOptions.QUEUE_CAPACITY),
                options.get(ExchangeSourceOptions.QUEUE_OFFER_TIMEOUT),
                options.get(ExchangeSourceOptions.MAX_INSTRUMENTS_PER_CONNECTION));
    }

    private void sanityCheck() {
        checkArgument(
                !subscriptions.isEmpty(),
                "At least one venue with instruments is required but not provided.");
        subscriptions.forEach(
                (v, ids) -> checkArgument(!ids.isEmpty(), "Venue %s has no instruments.", v.id()));
        checkNotNull(transport, "transport is required but not provided.");
        checkArgument(
                options.get(ExchangeSourceOptions.QUEUE_CAPACITY) > 0,
                "%s must be > 0",
                ExchangeSourceOptions.QUEUE_CAPACITY.key());
        checkArgument(
                options.get(ExchangeSourceOptions.MAX_INSTRUMENTS_PER_CONNECTION) > 0,
                "%s must be > 0",
                ExchangeSourceOptions.MAX_INSTRUMENTS_PER_CONNECTION.key());
    }
}
