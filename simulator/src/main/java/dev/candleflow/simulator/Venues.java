package dev.candleflow.simulator;

import dev.candleflow.simulator.binance.BinanceProtocol;
import dev.candleflow.simulator.binance.BinanceRestHandler;
import dev.candleflow.simulator.bitstamp.BitstampProtocol;
import dev.candleflow.simulator.bitstamp.BitstampRestHandler;
import dev.candleflow.simulator.bybit.BybitProtocol;
import dev.candleflow.simulator.coinbase.CoinbaseProtocol;
import dev.candleflow.simulator.coinbase.CoinbaseRestHandler;
import dev.candleflow.simulator.gateio.GateProtocol;
import dev.candleflow.simulator.gateio.GateRestHandler;
import dev.candleflow.simulator.kraken.KrakenProtocol;
import dev.candleflow.simulator.kraken.KrakenRestHandler;
import dev.candleflow.simulator.market.Instrument;
import dev.candleflow.simulator.okx.OkxProtocol;
import dev.candleflow.simulator.okx.OkxRestHandler;
import dev.candleflow.simulator.rest.RestHandler;
import dev.candleflow.simulator.venue.DecimalStyle;
import dev.candleflow.simulator.venue.IdScheme;
import dev.candleflow.simulator.venue.VenueContext;
import dev.candleflow.simulator.venue.VenueFormat;
import dev.candleflow.simulator.venue.VenueId;
import dev.candleflow.simulator.venue.VenueListing;
import dev.candleflow.simulator.venue.VenueOptions;
import dev.candleflow.simulator.venue.VenueProtocol;
import dev.candleflow.simulator.venue.VenueSpec;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one place that knows every venue: its symbols, number format, id scheme, default basis,
 * WebSocket protocol and REST API. The only {@code switch} over {@link VenueId}.
 */
final class Venues {

    private Venues() {}

    /** How {@code venue} prints symbols and numbers and numbers its trades. */
    static VenueFormat format(VenueId venue) {
        return switch (venue) {
            case BINANCE ->
                    new VenueFormat(
                            i -> i.joined(""),
                            DecimalStyle.EIGHT_DECIMALS,
                            DecimalStyle.EIGHT_DECIMALS,
                            IdScheme.PER_SYMBOL);
            case BYBIT ->
                    new VenueFormat(
                            i -> i.joined(""), DecimalStyle.GRID, DecimalStyle.GRID, IdScheme.UUID);
            case OKX ->
                    new VenueFormat(
                            i -> i.joined("-"),
                            DecimalStyle.STRIPPED,
                            DecimalStyle.STRIPPED,
                            IdScheme.PER_SYMBOL);
            case COINBASE ->
                    new VenueFormat(
                            i -> i.joined("-"),
                            DecimalStyle.GRID,
                            DecimalStyle.EIGHT_DECIMALS,
                            IdScheme.PER_SYMBOL);
            case KRAKEN ->
                    new VenueFormat(
                            i -> i.joined("/"),
                            DecimalStyle.STRIPPED,
                            DecimalStyle.STRIPPED,
                            IdScheme.PER_SYMBOL);
            case BITSTAMP ->
                    new VenueFormat(
                            i -> i.joined("").toLowerCase(Locale.ROOT),
                            DecimalStyle.GRID,
                            DecimalStyle.EIGHT_DECIMALS,
                            IdScheme.VENUE_WIDE);
            case GATEIO ->
                    new VenueFormat(
                            i -> i.joined("_"),
                            DecimalStyle.STRIPPED,
                            DecimalStyle.STRIPPED,
                            IdScheme.VENUE_WIDE);
        };
    }

    /** A small, distinct price offset per venue, so cross-venue logic sees realistic spreads. */
    static double defaultBasis(VenueId venue) {
        return switch (venue) {
            case BINANCE -> 0.0;
            case BYBIT -> 0.00015;
            case OKX -> -0.0001;
            case COINBASE -> 0.0003;
            case KRAKEN -> -0.0002;
            case BITSTAMP -> 0.0004;
            case GATEIO -> -0.0003;
        };
    }

    /** Binance cuts every connection at 24 h; the others document no such limit for trades. */
    static Optional<Duration> defaultMaxConnectionAge(VenueId venue) {
        return venue == VenueId.BINANCE ? Optional.of(Duration.ofHours(24)) : Optional.empty();
    }

    /** Everything needed to run {@code venue}. */
    static VenueSpec spec(
            VenueId venue, VenueListing listing, VenueOptions options, ProtocolSettings s) {
        Function<VenueContext, VenueProtocol> protocol =
                switch (venue) {
                    case BINANCE ->
                            ctx ->
                                    new BinanceProtocol(
                                            s.binancePingInterval(), s.binancePongTimeout());
                    case BYBIT -> BybitProtocol::new;
                    case OKX -> ctx -> new OkxProtocol(ctx, s.okxIdleTimeout());
                    case COINBASE -> ctx -> new CoinbaseProtocol(ctx, s.heartbeatInterval());
                    case KRAKEN -> ctx -> new KrakenProtocol(ctx, s.heartbeatInterval());
                    case BITSTAMP -> BitstampProtocol::new;
                    case GATEIO -> GateProtocol::new;
                };
        Function<VenueContext, Optional<RestHandler>> rest =
                switch (venue) {
                    case BINANCE ->
                            ctx ->
                                    Optional.of(
                                            new BinanceRestHandler(
                                                    ctx.history(),
                                                    sym -> ctx.listing().isListed(sym),
                                                    ctx::nowMillis));
                    case BYBIT -> ctx -> Optional.empty();
                    case OKX -> ctx -> Optional.of(new OkxRestHandler(ctx));
                    case COINBASE -> ctx -> Optional.of(new CoinbaseRestHandler(ctx));
                    case KRAKEN -> ctx -> Optional.of(new KrakenRestHandler(ctx));
                    case BITSTAMP -> ctx -> Optional.of(new BitstampRestHandler(ctx));
                    case GATEIO -> ctx -> Optional.of(new GateRestHandler(ctx));
                };
        return new VenueSpec(venue, listing, options, protocol, rest);
    }

    /** Where a client of {@code venue} connects, and for Binance the stream in the URL. */
    static String exampleUri(VenueId venue, java.net.URI base, String symbol) {
        String path =
                switch (venue) {
                    case BINANCE -> "/ws/" + symbol.toLowerCase(Locale.ROOT) + "@trade";
                    case BYBIT -> "/v5/public/spot";
                    case OKX -> "/ws/v5/public";
                    case COINBASE, BITSTAMP -> "/";
                    case KRAKEN -> "/v2";
                    case GATEIO -> "/ws/v4/";
                };
        return base + path + (venue == VenueId.BINANCE ? "" : "  (subscribe to " + symbol + ")");
    }

    /** The venue's symbol of a canonical instrument. */
    static String symbol(VenueId venue, Instrument instrument) {
        return format(venue).symbol().apply(instrument);
    }
}
