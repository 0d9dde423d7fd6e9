package dev.candleflow.simulator.testutils;

import dev.candleflow.simulator.MarketSimulator;
import dev.candleflow.simulator.MarketSimulatorBuilder;
import dev.candleflow.simulator.ProtocolSettings;
import dev.candleflow.simulator.venue.VenueId;
import dev.candleflow.simulator.venue.VenueTrade;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Simulators for venue tests: fast heartbeats, a fixed start, two instruments. */
public final class Sims {

    public static final long START = 1_700_000_040_000L;
    public static final Duration WAIT = Duration.ofSeconds(10);

    /** Venue timings shortened so that heartbeats and idle cuts show up within a test. */
    public static final ProtocolSettings FAST =
            new ProtocolSettings(
                    Duration.ofMillis(200),
                    Duration.ofSeconds(5),
                    Duration.ofMillis(200),
                    Duration.ofSeconds(3));

    private Sims() {}

    /** One venue, BTC-USDT and ETH-USDT, 20 trades/s at 50x, opening on the first subscription. */
    public static MarketSimulatorBuilder oneVenue(VenueId venue) {
        return oneVenue(venue, "BTC-USDT", "ETH-USDT");
    }

    /** One venue with these instruments, 20 trades/s at 50x, opening on the first subscription. */
    public static MarketSimulatorBuilder oneVenue(VenueId venue, String... instruments) {
        return MarketSimulator.builder()
                .venues(venue)
                .instruments(instruments)
                .seed(7)
                .tradesPerSecond(20)
                .speed(50)
                .startTimeMillis(START)
                .protocolSettings(FAST);
    }

    /** {@code ws://host:port} plus the venue's path. */
    public static URI wsUri(MarketSimulator sim, VenueId venue) {
        return URI.create(sim.wsBaseUri(venue) + VenueWire.path(venue));
    }

    /** The published trades of one symbol. */
    public static List<VenueTrade> published(MarketSimulator sim, VenueId venue, String symbol) {
        return sim.publishedTrades(venue).stream().filter(t -> t.symbol().equals(symbol)).toList();
    }
}
