package dev.candleflow.protocol;

import dev.candleflow.model.Venue;
import dev.candleflow.protocol.binance.BinanceAdapter;

/** The one place that maps a {@link Venue} to its adapter. */
public final class ExchangeAdapters {

    private ExchangeAdapters() {}

    /** The adapter for a venue, reached at the given endpoints. */
    public static ExchangeAdapter forVenue(Venue venue, VenueEndpoints endpoints) {
        return switch (venue) {
            case BINANCE -> new BinanceAdapter(endpoints.webSocketOr(BinanceAdapter.LIVE_ENDPOINT));
        };
    }
}
