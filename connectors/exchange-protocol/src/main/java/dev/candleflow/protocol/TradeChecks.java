package dev.candleflow.protocol;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Side;
import dev.candleflow.model.Trade;
import dev.candleflow.model.Venue;
import dev.candleflow.protocol.ParsedFrame.Malformed;
import dev.candleflow.protocol.WireValues.TimeFormat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Checks one venue trade field by field and builds the {@link Trade} only when every field is sane,
 * so no adapter constructs an invalid trade or throws on venue data. The first problem wins and
 * later checks are skipped.
 *
 * <pre>{@code
 * TradeChecks.Result r = TradeChecks.of(Venue.OKX, receivedAtMicros)
 *         .instrument("instId", t.instId(), OkxTrades::toInstrument)
 *         .numericId("tradeId", t.tradeId())
 *         .price("px", t.px())
 *         .quantity("sz", t.sz())
 *         .time("ts", t.ts(), TimeFormat.EPOCH_MILLIS)
 *         .side("side", t.side(), OkxTrades::side)
 *         .build();
 * }</pre>
 */
public final class TradeChecks {

    static final int MAX_TEXT_ID_CHARS = 64;

    /** The checked trade, or the first problem found. */
    public record Result(Trade trade, Malformed problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    private final Venue venue;
    private final long receivedAtMicros;
    private Malformed problem;
    private InstrumentId instrument;
    private String tradeId;
    private long sequence;
    private BigDecimal price;
    private BigDecimal quantity;
    private long eventTimeMicros = WireValues.INVALID_TIME;
    private Side side;

    private TradeChecks(Venue venue, long receivedAtMicros) {
        this.venue = venue;
        this.receivedAtMicros = receivedAtMicros;
    }

    /** Starts checking one trade of {@code venue} received at {@code receivedAtMicros}. */
    public static TradeChecks of(Venue venue, long receivedAtMicros) {
        return new TradeChecks(venue, receivedAtMicros);
    }

    /** The venue's symbol, mapped to a canonical instrument by {@code toInstrument}. */
    public TradeChecks instrument(
            String field, String raw, Function<String, InstrumentId> toInstrument) {
        if (problem != null) {
            return this;
        }
        if (raw == null) {
            return fail(missing(field));
        }
        InstrumentId mapped;
        try {
            mapped = toInstrument.apply(raw);
        } catch (IllegalArgumentException e) {
            mapped = null;
        }
        if (mapped == null) {
            return fail(unknownSymbol(raw));
        }
        instrument = mapped;
        return this;
    }

    /** A decimal trade id that is also the trade's sequence. */
    public TradeChecks numericId(String field, String raw) {
        if (problem != null) {
            return this;
        }
        if (raw == null) {
            return fail(missing(field));
        }
        long id = WireValues.parseId(raw);
        if (id < 0) {
            return fail(badId(field, raw));
        }
        tradeId = Long.toString(id);
        sequence = id;
        return this;
    }

    /** An opaque trade id (a UUID, say), with the sequence given separately. */
    public TradeChecks textId(String field, String raw, long sequence) {
        if (problem != null) {
            return this;
        }
        if (raw == null) {
            return fail(missing(field));
        }
        if (!WireValues.printableToken(raw, MAX_TEXT_ID_CHARS)) {
            return fail(badId(field, raw));
        }
        tradeId = raw;
        this.sequence = Math.max(0L, sequence);
        return this;
    }

    /** The price, an exact positive decimal. */
    public TradeChecks price(String field, String raw) {
        if (problem != null) {
            return this;
        }
        if (raw == null) {
            return fail(missing(field));
        }
        String bad = WireValues.decimalProblem(raw);
        if (bad != null) {
            return fail(MalformedReason.BAD_PRICE.of(quoted(field, raw) + bad));
        }
        price = new BigDecimal(raw);
        return this;
    }

    /** The base quantity, an exact positive decimal. */
    public TradeChecks quantity(String field, String raw) {
        if (problem != null) {
            return this;
        }
        if (raw == null) {
            return fail(missing(field));
        }
        String bad = WireValues.decimalProblem(raw);
        if (bad != null) {
            return fail(MalformedReason.BAD_QUANTITY.of(quoted(field, raw) + bad));
        }
        quantity = new BigDecimal(raw);
        return this;
    }

    /** The trade time, which must fall between 2009 and a day after receipt. */
    public TradeChecks time(String field, String raw, TimeFormat format) {
        if (problem != null) {
            return this;
        }
        if (raw == null) {
            return fail(missing(field));
        }
        long micros = WireValues.epochMicros(raw, format);
        if (!WireValues.plausibleTime(micros, receivedAtMicros)) {
            return fail(
                    MalformedReason.BAD_TIMESTAMP.of(quoted(field, raw) + "is no plausible time"));
        }
        eventTimeMicros = micros;
        return this;
    }

    /** The taker's side, mapped by {@code toSide}; null from it means the value is unusable. */
    public TradeChecks side(String field, String raw, Function<String, Side> toSide) {
        if (problem != null) {
            return this;
        }
        Side mapped = raw == null ? null : toSide.apply(raw);
        if (mapped == null) {
            return fail(missing(field));
        }
        side = mapped;
        return this;
    }

    /** The trade, or the first problem found. */
    public Result build() {
        if (problem != null) {
            return new Result(null, problem);
        }
        if (instrument == null || tradeId == null || price == null || quantity == null) {
            throw new IllegalStateException("adapter bug: trade checked incompletely");
        }
        if (side == null || eventTimeMicros == WireValues.INVALID_TIME) {
            throw new IllegalStateException("adapter bug: trade checked incompletely");
        }
        return new Result(
                new Trade(
                        venue,
                        instrument,
                        eventTimeMicros,
                        receivedAtMicros,
                        sequence,
                        price,
                        quantity,
                        side,
                        tradeId),
                null);
    }

    private static String quoted(String field, String raw) {
        return field + " '" + JsonFrames.cut(raw) + "' ";
    }

    private TradeChecks fail(Malformed m) {
        problem = m;
        return this;
    }

    /**
     * The trades of one frame in venue order when every one checked out, else the first problem: a
     * frame is used whole or not at all, and its raw payload goes to the dead letters.
     */
    public static ParsedFrame collect(List<Result> results) {
        if (results.isEmpty()) {
            return new ParsedFrame.Ignored("frame carries no trades");
        }
        List<Trade> trades = new ArrayList<>(results.size());
        for (Result r : results) {
            if (!r.ok()) {
                return r.problem();
            }
            trades.add(r.trade());
        }
        return new ParsedFrame.Trades(trades);
    }

    /**
     * {@code frame} unless it holds a trade of another instrument than {@code instrument}: a REST
     * answer about one instrument must not smuggle in trades of another.
     */
    public static ParsedFrame requireInstrument(ParsedFrame frame, InstrumentId instrument) {
        if (frame instanceof ParsedFrame.Trades t) {
            for (Trade trade : t.trades()) {
                if (!trade.instrument().equals(instrument)) {
                    return MalformedReason.UNKNOWN_SYMBOL.of(
                            "trade of " + trade.instrument() + " in a " + instrument + " answer");
                }
            }
        }
        return frame;
    }

    // ---- problems shared with frames that are not trades

    /** {@code missing_field} for a field that is absent or of the wrong JSON type. */
    public static Malformed missing(String field) {
        return MalformedReason.MISSING_FIELD.of("no valid '" + field + "'");
    }

    /** {@code unknown_symbol} for a venue symbol the adapter cannot map. */
    public static Malformed unknownSymbol(String raw) {
        return MalformedReason.UNKNOWN_SYMBOL.of("cannot map symbol '" + JsonFrames.cut(raw) + "'");
    }

    /** {@code bad_trade_id} for an id that is not usable. */
    public static Malformed badId(String field, String raw) {
        return MalformedReason.BAD_TRADE_ID.of(field + " '" + JsonFrames.cut(raw) + "' is no id");
    }
}
