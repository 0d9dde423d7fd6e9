package dev.candleflow.protocol.coinbase;

import com.fasterxml.jackson.core.JsonToken;
import dev.candleflow.model.InstrumentId;
import dev.candleflow.protocol.BackfillRequest;
import dev.candleflow.protocol.JsonFrames;
import dev.candleflow.protocol.ParsedFrame;
import dev.candleflow.protocol.TradeBackfill;
import dev.candleflow.protocol.TradeChecks;
import dev.candleflow.protocol.VenueEndpoints;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Coinbase Exchange {@code GET /products/{product_id}/trades}, paged by trade id: {@code after=X}
 * returns the page of trades older than id X, newest first, at most 1000.
 */
final class CoinbaseBackfill implements TradeBackfill {

    private static final long serialVersionUID = 1L;

    static final int MAX_LIMIT = 1000;

    private final URI rest;

    CoinbaseBackfill(URI rest) {
        this.rest = Objects.requireNonNull(rest, "rest");
    }

    @Override
    public int maxLimit() {
        return MAX_LIMIT;
    }

    /** Trade ids are contiguous per product, so "older than from+limit" is exactly the range. */
    @Override
    public BackfillRequest request(InstrumentId instrument, long fromSequence, int limit) {
        int n = Math.max(1, Math.min(MAX_LIMIT, limit));
        long from = Math.max(0L, fromSequence);
        long after = from > Long.MAX_VALUE - n ? Long.MAX_VALUE : from + n;
        String path =
                "/products/"
                        + CoinbaseTrades.productId(instrument)
                        + "/trades?after="
                        + after
                        + "&limit="
                        + n;
        return BackfillRequest.get(VenueEndpoints.resolve(rest, path));
    }

    /**
     * Parses, for example, {@code [{"time":"2014-11-07T22:19:28.578544Z","trade_id":74,
     * "price":"10.00000000","size":"0.01000000","side":"buy"}]}, where side is the maker's.
     */
    @Override
    public ParsedFrame parse(String body, InstrumentId instrument, long receivedAtMicros) {
        JsonFrames.Decoded<List<CoinbaseMessage>> d =
                JsonFrames.decode(body, JsonToken.START_ARRAY, CoinbaseMessage::readArray);
        if (!d.ok()) {
            return d.problem();
        }
        if (d.value().isEmpty()) {
            return new ParsedFrame.Trades(List.of());
        }
        String productId = CoinbaseTrades.productId(instrument);
        List<TradeChecks.Result> results = new ArrayList<>(d.value().size());
        for (CoinbaseMessage m : d.value()) {
            results.add(CoinbaseTrades.toTrade(m, productId, receivedAtMicros));
        }
        return TradeChecks.collect(results);
    }
}
