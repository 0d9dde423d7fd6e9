package dev.candleflow.protocol.bitstamp;

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
 * Bitstamp {@code GET /api/v2/transactions/{pair}/?time=hour}: every trade of the last hour. The
 * endpoint cannot start at an id, so each request returns the whole hour and the caller keeps the
 * trades from {@code fromSequence} on; older gaps cannot be recovered.
 */
final class BitstampBackfill implements TradeBackfill {

    private static final long serialVersionUID = 1L;

    /**
     * One request already returns everything Bitstamp offers, whatever the limit; ids are shared by
     * all pairs, so an id range says nothing about a count anyway.
     */
    static final int MAX_LIMIT = Integer.MAX_VALUE;

    private final URI rest;

    BitstampBackfill(URI rest) {
        this.rest = Objects.requireNonNull(rest, "rest");
    }

    @Override
    public int maxLimit() {
        return MAX_LIMIT;
    }

    @Override
    public BackfillRequest request(InstrumentId instrument, long fromSequence, int limit) {
        String path = "/api/v2/transactions/" + BitstampTrades.pair(instrument) + "/?time=hour";
        return BackfillRequest.get(VenueEndpoints.resolve(rest, path));
    }

    /**
     * Parses, for example, {@code [{"date":"1641343699","tid":"216000477","amount":"0.07920000",
     * "price":"3805.44","type":"0"}]}, newest first.
     */
    @Override
    public ParsedFrame parse(String body, InstrumentId instrument, long receivedAtMicros) {
        JsonFrames.Decoded<List<BitstampMessage>> d =
                JsonFrames.decode(body, JsonToken.START_ARRAY, BitstampMessage::readTransactions);
        if (!d.ok()) {
            return d.problem();
        }
        if (d.value().isEmpty()) {
            return new ParsedFrame.Trades(List.of());
        }
        String pair = BitstampTrades.pair(instrument);
        List<TradeChecks.Result> results = new ArrayList<>(d.value().size());
        for (BitstampMessage m : d.value()) {
            results.add(BitstampTrades.toTrade(m, pair, receivedAtMicros));
        }
        return TradeChecks.collect(results);
    }
}
