package dev.candleflow.protocol;

import static dev.candleflow.protocol.testutils.Resources.RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Trade;
import dev.candleflow.model.Venue;
import dev.candleflow.protocol.ParsedFrame.Control;
import dev.candleflow.protocol.ParsedFrame.Ignored;
import dev.candleflow.protocol.ParsedFrame.Malformed;
import dev.candleflow.protocol.ParsedFrame.SequenceMark;
import dev.candleflow.protocol.ParsedFrame.Trades;
import dev.candleflow.protocol.testutils.FrameMutator;
import dev.candleflow.protocol.testutils.Resources;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every venue's parser against 10,000 seeded mutations of its real frames (and its REST parser
 * against mutations of its REST answer): nothing throws, every outcome is a sealed variant, every
 * reason belongs to the vocabulary and every trade that survives is sane.
 */
class AdapterFuzzTest {

    private static final long SEED = 20_240_101L;
    private static final int FRAME_MUTATIONS = 10_000;
    private static final int BODY_MUTATIONS = 2_000;

    private static final Map<Venue, String> FRAMES = new EnumMap<>(Venue.class);
    private static final Map<Venue, String> REST_BODIES = new EnumMap<>(Venue.class);
    private static final Map<Venue, InstrumentId> REST_INSTRUMENTS = new EnumMap<>(Venue.class);

    static {
        FRAMES.put(Venue.BINANCE, "/frames/binance/trades.jsonl");
        FRAMES.put(Venue.BYBIT, "/frames/bybit/trades.jsonl");
        FRAMES.put(Venue.OKX, "/frames/okx/trades.jsonl");
        FRAMES.put(Venue.COINBASE, "/frames/coinbase/feed.jsonl");
        FRAMES.put(Venue.KRAKEN, "/frames/kraken/trades.jsonl");
        FRAMES.put(Venue.BITSTAMP, "/frames/bitstamp/trades.jsonl");
        FRAMES.put(Venue.GATEIO, "/frames/gateio/trades.jsonl");
        REST_BODIES.put(Venue.OKX, "/rest/okx/history-trades.json");
        REST_BODIES.put(Venue.COINBASE, "/rest/coinbase/trades.json");
        REST_BODIES.put(Venue.BITSTAMP, "/rest/bitstamp/transactions.json");
        REST_BODIES.put(Venue.GATEIO, "/rest/gateio/trades.json");
        REST_INSTRUMENTS.put(Venue.OKX, InstrumentId.parse("BTC-USDT"));
        REST_INSTRUMENTS.put(Venue.COINBASE, InstrumentId.parse("BTC-USD"));
        REST_INSTRUMENTS.put(Venue.BITSTAMP, InstrumentId.parse("ETH-USD"));
        REST_INSTRUMENTS.put(Venue.GATEIO, InstrumentId.parse("BTC-USDT"));
    }

    @ParameterizedTest
    @EnumSource(Venue.class)
    void mutatedFramesNeverBreakTheParser(Venue venue) {
        ExchangeAdapter adapter = ExchangeAdapters.forVenue(venue, VenueEndpoints.LIVE);
        List<String> frames = Resources.lines(FRAMES.get(venue));
        Outcomes outcomes =
                fuzz(venue, frames, FRAME_MUTATIONS, f -> adapter.parse(f, RECEIVED), null);

        // The mutations must reach past the JSON layer into the field checks.
        assertThat(outcomes.trades).as("mutated frames that still parse to trades").isPositive();
        assertThat(outcomes.reasons)
                .contains(
                        "malformed_json",
                        "missing_field",
                        "bad_price",
                        "bad_quantity",
                        "bad_timestamp",
                        "bad_trade_id",
                        "unknown_symbol");
    }

    @ParameterizedTest
    @EnumSource(
            value = Venue.class,
            names = {"OKX", "COINBASE", "BITSTAMP", "GATEIO"})
    void mutatedRestBodiesNeverBreakTheBackfill(Venue venue) {
        TradeBackfill backfill =
                ExchangeAdapters.forVenue(venue, VenueEndpoints.LIVE).backfill().orElseThrow();
        InstrumentId instrument = REST_INSTRUMENTS.get(venue);
        List<String> bodies = List.of(Resources.text(REST_BODIES.get(venue)));
        Outcomes outcomes =
                fuzz(
                        venue,
                        bodies,
                        BODY_MUTATIONS,
                        b -> backfill.parse(b, instrument, RECEIVED),
                        instrument);

        assertThat(outcomes.trades).isPositive();
        assertThat(outcomes.reasons).hasSizeGreaterThanOrEqualTo(3);
    }

    private static Outcomes fuzz(
            Venue venue,
            List<String> originals,
            int mutations,
            Function<String, ParsedFrame> parse,
            InstrumentId onlyInstrument) {
        Random random = new Random(SEED ^ venue.ordinal());
        FrameMutator mutator = new FrameMutator(random);
        Outcomes outcomes = new Outcomes();
        for (int i = 0; i < mutations; i++) {
            String original = originals.get(random.nextInt(originals.size()));
            String mutated = mutator.mutate(original);
            ParsedFrame parsed;
            try {
                parsed = parse.apply(mutated);
            } catch (RuntimeException e) {
                throw new AssertionError(venue + " threw on mutation " + i + ": " + mutated, e);
            }
            check(venue, parsed, mutated, onlyInstrument, outcomes);
        }
        return outcomes;
    }

    /** Plain checks, not AssertJ chains: this runs 78,000 times and must stay fast. */
    private static void check(
            Venue venue, ParsedFrame parsed, String frame, InstrumentId only, Outcomes outcomes) {
        String problem;
        if (parsed instanceof Trades t) {
            outcomes.trades++;
            problem = null;
            for (Trade trade : t.trades()) {
                problem = problem != null ? problem : tradeProblem(venue, trade, only);
            }
        } else if (parsed instanceof Malformed m) {
            outcomes.reasons.add(m.reason());
            problem = MalformedReason.isKnown(m.reason()) ? null : "reason outside the vocabulary";
        } else if (parsed instanceof Control c) {
            problem = c.kind() == null ? "control without kind" : null;
        } else if (parsed instanceof SequenceMark m) {
            problem = m.instrument() == null || m.lastSequence() < 0 ? "bad sequence mark" : null;
        } else if (parsed instanceof Ignored ignored) {
            problem = ignored.why() == null ? "ignored without why" : null;
        } else {
            problem = "not a sealed variant";
        }
        if (problem != null) {
            fail(venue + ": " + problem + ": " + parsed + " from frame " + frame);
        }
    }

    private static String tradeProblem(Venue venue, Trade trade, InstrumentId only) {
        if (trade.venue() != venue || trade.receivedAtMicros() != RECEIVED) {
            return "wrong venue or receive time";
        }
        if (trade.price().signum() <= 0 || !sane(trade.price())) {
            return "insane price";
        }
        if (trade.quantity().signum() <= 0 || !sane(trade.quantity())) {
            return "insane quantity";
        }
        long t = trade.eventTimeMicros();
        if (t < WireValues.MIN_EVENT_TIME_MICROS
                || t > RECEIVED + WireValues.MAX_CLOCK_AHEAD_MICROS) {
            return "insane event time";
        }
        if (trade.sequence() < 0 || trade.tradeId().isBlank()) {
            return "bad sequence or trade id";
        }
        return only == null || trade.instrument().equals(only) ? null : "foreign instrument";
    }

    private static boolean sane(BigDecimal value) {
        return value.precision() - value.scale() <= 20 && value.scale() <= 18;
    }

    /** What the mutations produced, to prove they reach the field checks. */
    private static final class Outcomes {
        int trades;
        final Set<String> reasons = new TreeSet<>();
    }
}
