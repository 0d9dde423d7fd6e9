package dev.candleflow.bench.tape;

import dev.candleflow.model.CandleInterval;
import dev.candleflow.model.Venue;
import java.util.List;

/**
 * What to generate.
 *
 * @param trades trades on the whole tape, spread evenly over venues and symbols
 * @param venues the venues, each trading every symbol
 * @param symbols how many symbols
 * @param shardsPerVenue connections (splits) per venue, each carrying a share of its symbols
 * @param tradesPerSecond event-time trades per second per venue and symbol
 * @param disorderMillis at most this much event-time disorder between the symbols of a connection
 * @param rawFrames keep venue frames for the source to parse, else pre-parsed events
 * @param seed the random seed; the same spec gives the same tape
 * @param base the job's smallest candle interval, for the expected counts
 */
public record TapeSpec(
        int trades,
        List<Venue> venues,
        int symbols,
        int shardsPerVenue,
        double tradesPerSecond,
        long disorderMillis,
        boolean rawFrames,
        long seed,
        CandleInterval base) {

    public TapeSpec {
        venues = List.copyOf(venues);
        if (trades <= 0 || venues.isEmpty() || symbols <= 0 || shardsPerVenue <= 0) {
            throw new IllegalArgumentException("trades, venues, symbols and shards must be > 0");
        }
        if (symbols > 999) {
            throw new IllegalArgumentException("at most 999 symbols");
        }
        if (!(tradesPerSecond > 0) || disorderMillis < 0) {
            throw new IllegalArgumentException("rate must be > 0 and disorder >= 0");
        }
    }
}
