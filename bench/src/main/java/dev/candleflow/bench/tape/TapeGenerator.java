package dev.candleflow.bench.tape;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Side;
import dev.candleflow.model.Trade;
import dev.candleflow.model.Venue;
import dev.candleflow.protocol.ExchangeAdapter;
import dev.candleflow.protocol.ExchangeAdapters;
import dev.candleflow.protocol.ParsedFrame;
import dev.candleflow.protocol.VenueEndpoints;
import dev.candleflow.source.FeedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Generates a {@link Tape}: per venue and symbol, trades with contiguous ids at exponentially
 * spaced, non-decreasing event times around one market per symbol; per connection (split), the
 * trades of its symbols interleaved in arrival order, where arrival lags event time by up to the
 * disorder bound. Every frame is parsed once here with the venue's real adapter and compared with
 * what was meant, which also yields the expected candle counts.
 */
public final class TapeGenerator {

    private final TapeSpec spec;
    private final SplittableRandom random;
    private final Market market;
    private final long startMillis;
    private final int[] tradesPerKey;
    private final Expected expected;
    private final long receivedAtMicros = System.currentTimeMillis() * 1000L;

    private TapeGenerator(TapeSpec spec) {
        this.spec = spec;
        this.random = new SplittableRandom(spec.seed());
        int keys = spec.venues().size() * spec.symbols();
        this.tradesPerKey = new int[keys];
        int most = 0;
        for (int k = 0; k < keys; k++) {
            tradesPerKey[k] = spec.trades() / keys + (k < spec.trades() % keys ? 1 : 0);
            most = Math.max(most, tradesPerKey[k]);
        }
        // room for the exponential gaps to run long, and the disorder
        long span = (long) (most * 1000d / spec.tradesPerSecond() * 1.2) + 60_000;
        // recent (venues reject absurd times) and in the past, on a minute boundary
        this.startMillis = (System.currentTimeMillis() - span - 3_600_000L) / 60_000L * 60_000L;
        this.market = new Market(spec.symbols(), startMillis, span, random.split());
        this.expected =
                new Expected(spec.base(), startMillis, spec.venues().size(), spec.symbols());
    }

    /** The tape of a spec, registered under a fresh id. */
    public static Tape generate(TapeSpec spec) {
        return new TapeGenerator(spec).generate();
    }

    private Tape generate() {
        List<TapeSegment> segments = new ArrayList<>();
        int shards = Math.min(spec.shardsPerVenue(), spec.symbols());
        for (int v = 0; v < spec.venues().size(); v++) {
            for (int shard = 0; shard < shards; shard++) {
                int from = shard * spec.symbols() / shards;
                int to = (shard + 1) * spec.symbols() / shards;
                segments.add(segment(segments.size(), v, from, to));
            }
        }
        return new Tape(
                "tape-" + UUID.randomUUID(),
                spec.venues(),
                market.symbols(),
                segments,
                expected,
                spec.rawFrames(),
                tradesPerKey);
    }

    /** The frames of one venue connection carrying symbols [from, to). */
    private TapeSegment segment(int index, int venueIndex, int from, int to) {
        Venue venue = spec.venues().get(venueIndex);
        ExchangeAdapter adapter = ExchangeAdapters.forVenue(venue, VenueEndpoints.LIVE);
        PriorityQueue<SymbolFeed> byArrival = new PriorityQueue<>();
        int size = 0;
        for (int s = from; s < to; s++) {
            int count = tradesPerKey[venueIndex * spec.symbols() + s];
            size += count;
            if (count > 0) {
                byArrival.add(new SymbolFeed(s, count, random.split()).advance());
            }
        }
        String[] frames = spec.rawFrames() ? new String[size] : null;
        FeedEvent[] events = spec.rawFrames() ? null : new FeedEvent[size];
        long[] addresses = new long[size];
        for (int i = 0; i < size; i++) {
            SymbolFeed f = byArrival.poll();
            String frame = render(venue, venueIndex, f);
            Trade trade = parsed(adapter, frame, venue, f);
            expected.add(venueIndex, f.symbol, trade);
            if (frames != null) {
                frames[i] = frame;
            } else {
                events[i] = FeedEvent.of(trade);
            }
            addresses[i] = ((long) (venueIndex * spec.symbols() + f.symbol) << 32) | f.n;
            if (f.n + 1 < f.count) {
                f.n++;
                byArrival.add(f.advance());
            }
        }
        return new TapeSegment(index, venue, frames, events, addresses);
    }

    private String render(Venue venue, int venueIndex, SymbolFeed f) {
        long numericId = TradeIds.numeric(f.symbol, f.n);
        String id =
                VenueFrames.usesUuids(venue)
                        ? TradeIds.uuid(f.symbol, f.n)
                        : Long.toString(numericId);
        Side side = f.random.nextBoolean() ? Side.BUY : Side.SELL;
        return VenueFrames.render(
                venue,
                new VenueFrames.Print(
                        market.symbols().get(f.symbol),
                        id,
                        f.n + 1L,
                        f.timeMillis,
                        market.price(f.symbol, venueIndex, f.timeMillis, f.random),
                        Market.quantity(f.random),
                        side));
    }

    /** The frame through the real adapter: exactly the trade meant, or generation fails. */
    private Trade parsed(ExchangeAdapter adapter, String frame, Venue venue, SymbolFeed f) {
        ParsedFrame p = adapter.parse(frame, receivedAtMicros);
        if (!(p instanceof ParsedFrame.Trades t) || t.trades().size() != 1) {
            throw new IllegalStateException(venue + " adapter read " + p + " from " + frame);
        }
        Trade trade = t.trades().get(0);
        InstrumentId symbol = market.symbols().get(f.symbol);
        long packed = TradeIds.decode(trade.tradeId());
        if (!trade.instrument().equals(symbol)
                || trade.eventTimeMicros() != f.timeMillis * 1000L
                || packed == TradeIds.NONE
                || TradeIds.symbol(packed) != f.symbol
                || TradeIds.n(packed) != f.n) {
            throw new IllegalStateException(venue + " adapter read " + trade + " from " + frame);
        }
        return trade;
    }

    /** The trades of one venue's symbol, one at a time: event time, and arrival at the source. */
    private final class SymbolFeed implements Comparable<SymbolFeed> {
        final int symbol;
        final int count;
        final SplittableRandom random;
        int n;
        double time = startMillis;
        long timeMillis;
        long arrival = Long.MIN_VALUE;

        SymbolFeed(int symbol, int count, SplittableRandom random) {
            this.symbol = symbol;
            this.count = count;
            this.random = random;
        }

        /** Moves to the next trade: an exponential gap, and a publication delay. */
        SymbolFeed advance() {
            time += -Math.log(1 - random.nextDouble()) * 1000d / spec.tradesPerSecond();
            timeMillis = (long) time;
            long delay = spec.disorderMillis() == 0 ? 0 : random.nextLong(spec.disorderMillis());
            // a venue sends one symbol's trades in order
            arrival = Math.max(arrival, timeMillis + delay);
            return this;
        }

        @Override
        public int compareTo(SymbolFeed o) {
            int c = Long.compare(arrival, o.arrival);
            return c != 0 ? c : Integer.compare(symbol, o.symbol);
        }
    }
}
