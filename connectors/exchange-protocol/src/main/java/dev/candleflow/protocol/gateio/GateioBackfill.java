package dev.candleflow.protocol.gateio;

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
 * Gate.io {@code GET /api/v4/spot/trades?last_id=..&reverse=false}: trades of one pair with ids
 * above {@code last_id}. Ids are shared by all pairs, so {@code limit} counts trades, not ids, and
 * a page may reach beyond {@code fromSequence + limit}, which the contract allows.
 */
final class GateioBackfill implements TradeBackfill {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/api/v4/spot/trades";
    static final int MAX_LIMIT = 1000;

    private final URI rest;

    GateioBackfill(URI rest) {
        this.rest = Objects.requireNonNull(rest, "rest");
    }

    @Override
    public int maxLimit() {
        return MAX_LIMIT;
    }

    @Override
    public BackfillRequest request(InstrumentId instrument, long fromSequence, int limit) {
        int n = Math.max(1, Math.min(MAX_LIMIT, limit));
        long lastId = Math.max(0L, fromSequence - 1);
        String query =
                "?currency_pair="
                        + GateioTrades.pair(instrument)
                        + "&last_id="
                        + lastId
                        + "&reverse=false&limit="
                        + n;
        return BackfillRequest.get(VenueEndpoints.resolve(rest, PATH + query));
    }

    /**
     * Parses, for example, {@code [{"id":"1232893232","create_time":"1548000000",
     * "create_time_ms":"1548000000123.456","currency_pair":"BTC_USDT","side":"buy",
     * "amount":"0.15","price":"0.03"}]}.
     */
    @Override
    public ParsedFrame parse(String body, InstrumentId instrument, long receivedAtMicros) {
        JsonFrames.Decoded<List<GateioMessage>> d =
                JsonFrames.decode(body, JsonToken.START_ARRAY, GateioMessage::readTrades);
        if (!d.ok()) {
            return d.problem();
        }
        if (d.value().isEmpty()) {
            return new ParsedFrame.Trades(List.of());
        }
        String pair = GateioTrades.pair(instrument);
        List<TradeChecks.Result> results = new ArrayList<>(d.value().size());
        for (GateioMessage m : d.value()) {
            String tradePair = m.currencyPair != null ? m.currencyPair : pair;
            results.add(GateioTrades.toTrade(m, tradePair, receivedAtMicros));
        }
        return TradeChecks.requireInstrument(TradeChecks.collect(results), instrument);
    }
}
