package dev.candleflow.simulator.replay;

import dev.candleflow.simulator.market.Instrument;
import dev.candleflow.simulator.market.SimTrade;
import dev.candleflow.simulator.market.TradeSide;
import dev.candleflow.simulator.venue.VenueId;
import dev.candleflow.simulator.venue.VenueTrade;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One line of a recorded capture, classified for replay.
 *
 * @param line the line exactly as recorded
 * @param route where the frame goes; empty for lines that are sent verbatim to every connection
 *     (garbage, acks, anything without a derivable stream)
 * @param eventTimeMillis the payload's {@code E}, used for recorded-pace replay
 * @param trade the trade the frame carries, if it is a well-formed {@code trade} event
 */
public record ReplayFrame(
        String line,
        Optional<Route> route,
        OptionalLong eventTimeMillis,
        Optional<SimTrade> trade) {

    public ReplayFrame {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(eventTimeMillis, "eventTimeMillis");
        Objects.requireNonNull(trade, "trade");
    }

    /**
     * The frame's trade as Binance published it, if it carries one.
     *
     * @param venueSequence the venue-wide publication counter to give it
     */
    public Optional<VenueTrade> venueTrade(long venueSequence) {
        return trade.map(
                t ->
                        new VenueTrade(
                                VenueId.BINANCE,
                                t.symbol(),
                                Instrument.ofBinanceSymbol(t.symbol()).canonical(),
                                t.tradeId(),
                                venueSequence,
                                Long.toString(t.tradeId()),
                                t.price(),
                                t.quantity(),
                                t.eventTimeMillis() * 1000L,
                                t.buyerIsMaker() ? TradeSide.SELL : TradeSide.BUY));
    }

    /** A frame sent verbatim to every connection. */
    static ReplayFrame verbatim(String line) {
        return new ReplayFrame(line, Optional.empty(), OptionalLong.empty(), Optional.empty());
    }

    /**
     * Stream name plus the raw (unwrapped) payload, exactly as recorded.
     *
     * @param stream Binance stream name, e.g. {@code btcusdt@trade}
     * @param payload the raw event JSON, as a raw {@code /ws} connection receives it
     */
    public record Route(String stream, String payload) {

        public Route {
            Objects.requireNonNull(stream, "stream");
            Objects.requireNonNull(payload, "payload");
        }
    }
}
