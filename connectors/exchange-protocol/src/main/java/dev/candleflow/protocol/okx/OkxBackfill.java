package dev.candleflow.protocol.okx;

import com.fasterxml.jackson.core.JsonToken;
import dev.candleflow.model.InstrumentId;
import dev.candleflow.protocol.BackfillRequest;
import dev.candleflow.protocol.JsonFrames;
import dev.candleflow.protocol.MalformedReason;
import dev.candleflow.protocol.ParsedFrame;
import dev.candleflow.protocol.TradeBackfill;
import dev.candleflow.protocol.TradeChecks;
import dev.candleflow.protocol.VenueEndpoints;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * OKX {@code GET /api/v5/market/history-trades} paged by trade id ({@code type=1}): {@code after=X}
 * returns the newest trades older than id X, newest first, at most 100.
 */
final class OkxBackfill implements TradeBackfill {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/api/v5/market/history-trades";
    static final int MAX_LIMIT = 100;

    private final URI rest;

    OkxBackfill(URI rest) {
        this.rest = Objects.requireNonNull(rest, "rest");
    }

    @Override
    public int maxLimit() {
        return MAX_LIMIT;
    }

    /** Ids are contiguous per instrument, so "older than from+limit" is exactly the range. */
    @Override
    public BackfillRequest request(InstrumentId instrument, long fromSequence, int limit) {
        int n = Math.max(1, Math.min(MAX_LIMIT, limit));
        long from = Math.max(0L, fromSequence);
        long after = from > Long.MAX_VALUE - n ? Long.MAX_VALUE : from + n;
        String query =
                "?instId="
                        + OkxTrades.instId(instrument)
                        + "&type=1&after="
                        + after
                        + "&limit="
                        + n;
        return BackfillRequest.get(VenueEndpoints.resolve(rest, PATH + query));
    }

    /**
     * Parses, for example, {@code {"code":"0","msg":"","data":[{"instId":"BTC-USDT","side":"sell",
     * "sz":"0.00001","px":"29963.2","tradeId":"242720720","ts":"1654161646974"}]}}.
     */
    @Override
    public ParsedFrame parse(String body, InstrumentId instrument, long receivedAtMicros) {
        JsonFrames.Decoded<OkxMessage> d =
                JsonFrames.decode(body, JsonToken.START_OBJECT, OkxMessage::read);
        if (!d.ok()) {
            return d.problem();
        }
        OkxMessage m = d.value();
        if (m.code != null && !"0".equals(m.code)) {
            return MalformedReason.UNKNOWN_MESSAGE.of(
                    "OKX error code=" + JsonFrames.cut(m.code) + ", msg=" + JsonFrames.cut(m.msg));
        }
        if (m.data == null) {
            return TradeChecks.missing("data");
        }
        if (m.data.isEmpty()) {
            return new ParsedFrame.Trades(List.of());
        }
        ParsedFrame trades =
                OkxTrades.toFrame(m.data, OkxTrades.instId(instrument), receivedAtMicros);
        return TradeChecks.requireInstrument(trades, instrument);
    }
}
