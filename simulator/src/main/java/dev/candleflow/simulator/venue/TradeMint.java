package dev.candleflow.simulator.venue;

import dev.candleflow.simulator.market.Instrument;
import dev.candleflow.simulator.market.MarketTrade;
import dev.candleflow.simulator.market.Seeds;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Turns the market's trades on one venue into that venue's trades: its symbol, its ids and its
 * number format. Used by the market thread only.
 */
public final class TradeMint {

    private static final long RANDOM_ID_BASE_MIN = 100_000_000L;
    private static final long RANDOM_ID_BASE_SPAN = 3_900_000_000L;

    private final VenueId venue;
    private final VenueFormat format;
    private final long seed;
    private final OptionalLong idBase;
    private final Map<Instrument, String> symbols = new HashMap<>();
    private final Map<Instrument, String> canonical = new HashMap<>();
    private final Map<String, Long> bases = new HashMap<>();
    private final long venueBase;
    private long venueCount;

    /**
     * @param seed the market seed; id bases and UUIDs are drawn from it
     * @param idBase the first id of every symbol (and of venue-wide counters), if fixed
     */
    public TradeMint(VenueId venue, VenueFormat format, long seed, OptionalLong idBase) {
        this.venue = venue;
        this.format = format;
        this.seed = seed;
        this.idBase = idBase;
        this.venueBase = idBase.orElseGet(() -> drawBase("ids|" + venue.id()));
    }

    /** The venue's symbol for {@code instrument}. */
    public String symbol(Instrument instrument) {
        return symbols.computeIfAbsent(instrument, format.symbol());
    }

    public VenueTrade mint(MarketTrade t) {
        String symbol = symbol(t.instrument());
        long base =
                bases.computeIfAbsent(
                        symbol,
                        s -> idBase.orElseGet(() -> drawBase("ids|" + venue.id() + "|" + s)));
        long sequence = base + t.number();
        long venueSequence = venueBase + venueCount++;
        String id =
                switch (format.ids()) {
                    case PER_SYMBOL -> Long.toString(sequence);
                    case VENUE_WIDE -> Long.toString(venueSequence);
                    case UUID -> uuid(symbol, t.number());
                };
        return new VenueTrade(
                venue,
                symbol,
                canonical.computeIfAbsent(t.instrument(), Instrument::canonical),
                sequence,
                venueSequence,
                id,
                format.price().apply(t.price()),
                format.quantity().apply(t.quantity()),
                t.eventTimeMicros(),
                t.takerSide());
    }

    private long drawBase(String name) {
        return RANDOM_ID_BASE_MIN
                + new SplittableRandom(Seeds.derive(seed, name)).nextLong(RANDOM_ID_BASE_SPAN);
    }

    /** A version-5-shaped UUID drawn from the seed, the symbol and the trade's number. */
    private String uuid(String symbol, long number) {
        SplittableRandom r =
                new SplittableRandom(
                        Seeds.derive(seed, "uuid|" + venue.id() + "|" + symbol + "|" + number));
        long msb = (r.nextLong() & ~0xF000L) | 0x5000L;
        long lsb = (r.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb).toString();
    }
}
