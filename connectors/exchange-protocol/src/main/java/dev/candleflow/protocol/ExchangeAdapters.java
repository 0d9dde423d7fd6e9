package dev.candleflow.protocol;

import dev.candleflow.model.Venue;
import dev.candleflow.protocol.binance.BinanceAdapter;
import java.net.URI;

/** The one place that maps a {@link Venue} to its adapter. */
public final class ExchangeAdapters {

    private ExchangeAdapters() {}

    /**
     * The adapter for a venue.
     *
     * @param endpoint the WebSocket base URI to use instead of the venue's own (a simulator), or
     *     null for the live venue
     */
    public static ExchangeAdapter forVenue(Venue venue, URI endpoint) {
        return switch (venue) {
            case BINANCE -> endpoint == null ? new BinanceAdapter() : new BinanceAdapter(endpoint);
        };
    }
}
