package dev.candleflow.protocol;

import dev.candleflow.model.Venue;
import dev.candleflow.protocol.binance.BinanceAdapter;
import dev.candleflow.protocol.bitstamp.BitstampAdapter;
import dev.candleflow.protocol.bybit.BybitAdapter;
import dev.candleflow.protocol.coinbase.CoinbaseAdapter;
import dev.candleflow.protocol.gateio.GateioAdapter;
import dev.candleflow.protocol.kraken.KrakenAdapter;
import dev.candleflow.protocol.okx.OkxAdapter;

/** The one place that maps a {@link Venue} to its adapter. */
public final class ExchangeAdapters {

    private ExchangeAdapters() {}

    /** The adapter for a venue, reached at the given endpoints. */
    public static ExchangeAdapter forVenue(Venue venue, VenueEndpoints endpoints) {
        return switch (venue) {
            case BINANCE ->
                    new BinanceAdapter(
                            endpoints.webSocketOr(BinanceAdapter.LIVE_ENDPOINT),
                            endpoints.restOr(BinanceAdapter.LIVE_REST_ENDPOINT));
            case BYBIT -> new BybitAdapter(endpoints.webSocketOr(BybitAdapter.LIVE_ENDPOINT));
            case OKX ->
                    new OkxAdapter(
                            endpoints.webSocketOr(OkxAdapter.LIVE_ENDPOINT),
                            endpoints.restOr(OkxAdapter.LIVE_REST_ENDPOINT));
            case COINBASE ->
                    new CoinbaseAdapter(
                            endpoints.webSocketOr(CoinbaseAdapter.LIVE_ENDPOINT),
                            endpoints.restOr(CoinbaseAdapter.LIVE_REST_ENDPOINT));
            // Kraken has no id-addressable REST trades, so its REST endpoint is not used.
            case KRAKEN -> new KrakenAdapter(endpoints.webSocketOr(KrakenAdapter.LIVE_ENDPOINT));
            case BITSTAMP ->
                    new BitstampAdapter(
                            endpoints.webSocketOr(BitstampAdapter.LIVE_ENDPOINT),
                            endpoints.restOr(BitstampAdapter.LIVE_REST_ENDPOINT));
            case GATEIO ->
                    new GateioAdapter(
                            endpoints.webSocketOr(GateioAdapter.LIVE_ENDPOINT),
                            endpoints.restOr(GateioAdapter.LIVE_REST_ENDPOINT));
        };
    }
}
