package dev.candleflow.protocol.binance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Trade;
import dev.candleflow.protocol.BackfillRequest;
import dev.candleflow.protocol.ParsedFrame;
import dev.candleflow.protocol.ParsedFrame.Malformed;
import dev.candleflow.protocol.TradeBackfill;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Binance's old-trade lookup, {@code GET /api/v3/historicalTrades?symbol=&fromId=&limit=}, as a
 * {@link TradeBackfill}: the trades of one symbol from a trade id on, at most 1000 per request.
 * Public market data since 2023 (security type NONE, no API key); request weight 25.
 */
final class BinanceTradeBackfill implements TradeBackfill {

    private static final long serialVersionUID = 1L;

    static final String PATH = "/api/v3/historicalTrades";

    /** "limit: Default 500; Maximum 1000." */
    static final int MAX_LIMIT = 1000;

    /**
     * The IP's request-weight budget (6000 per minute by default, see {@code exchangeInfo}) over
     * this endpoint's weight of 25: 240 requests a minute, 4 a second, for everything on that IP.
     */
    static final double MAX_REQUESTS_PER_SECOND = 4.0;

    private static final JsonFactory JSON = new JsonFactory();

    private final URI restBase;

    BinanceTradeBackfill(URI restBase) {
        this.restBase = Objects.requireNonNull(restBase, "restBase");
    }

    @Override
    public int maxLimit() {
        return MAX_LIMIT;
    }

    @Override
    public BackfillRequest request(InstrumentId instrument, long fromSequence, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be in [1, " + MAX_LIMIT + "]");
        }
        if (fromSequence < 0) {
            throw new IllegalArgumentException("fromId must be >= 0, was " + fromSequence);
        }
        String root = restBase.toString().replaceAll("/+$", "");
        return BackfillRequest.get(
                URI.create(
                        root
                                + PATH
                                + "?symbol="
                                + BinanceSymbols.restSymbol(instrument)
                                + "&fromId="
                                + fromSequence
                                + "&limit="
                                + limit));
    }

    /**
     * Parses a response such as {@code
     * [{"id":28457,"price":"4.00000100","qty":"12.00000000","quoteQty":"48.000012",
     * "time":1499865549590,"isBuyerMaker":true,"isBestMatch":true}]}. Unusable elements are left
     * out (the caller sees their ids missing); an error object such as {@code
     * {"code":-1121,"msg":"Invalid symbol."}} or a body without one usable trade is {@link
     * Malformed}.
     */
    @Override
    public ParsedFrame parse(String body, InstrumentId instrument, long receivedAtMicros) {
        if (body == null || body.isBlank()) {
            return new Malformed("empty_response", "empty response body");
        }
        List<Trade> trades = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        try (JsonParser p = JSON.createParser(body)) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_OBJECT) {
                return new Malformed("venue_error", errorText(p));
            }
            if (first != JsonToken.START_ARRAY) {
                return new Malformed("malformed_json", "response is not a JSON array");
            }
            readTrades(p, instrument, receivedAtMicros, trades, rejected);
            if (p.nextToken() != null) {
                return new Malformed("malformed_json", "trailing content after the array");
            }
        } catch (IOException | RuntimeException e) {
            return new Malformed("malformed_json", String.valueOf(e.getMessage()));
        }
        if (trades.isEmpty() && !rejected.isEmpty()) {
            return new Malformed("bad_response", "no usable trade: " + rejected.get(0));
        }
        return new ParsedFrame.Trades(trades);
    }

    private static void readTrades(
            JsonParser p,
            InstrumentId instrument,
            long receivedAtMicros,
            List<Trade> trades,
            List<String> rejected)
            throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new IOException("unexpected end of the array");
            }
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                rejected.add("element is not an object");
                continue;
            }
            BinanceTradeMessage m = new BinanceTradeMessage();
            readTrade(p, m);
            String missing = missingField(m);
            Malformed bad =
                    missing != null
                            ? new Malformed("missing_field", "no valid '" + missing + "'")
                            : BinanceTrades.check(m, receivedAtMicros);
            if (bad == null) {
                trades.add(BinanceAdapter.trade(instrument, m, receivedAtMicros));
            } else {
                rejected.add(bad.reason() + ": " + bad.detail());
            }
        }
    }

    private static void readTrade(JsonParser p, BinanceTradeMessage m) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "id" -> m.tradeId = v == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : null;
                case "price" -> m.price = v == JsonToken.VALUE_STRING ? p.getText() : null;
                case "qty" -> m.quantity = v == JsonToken.VALUE_STRING ? p.getText() : null;
                case "time" ->
                        m.tradeTime = v == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : null;
                case "isBuyerMaker" ->
                        m.buyerIsMaker = v.isBoolean() ? v == JsonToken.VALUE_TRUE : null;
                default -> {
                    // quoteQty, isBestMatch and fields added later are not needed
                }
            }
            p.skipChildren();
        }
    }

    private static String missingField(BinanceTradeMessage m) {
        if (m.tradeId == null) {
            return "id";
        }
        if (m.price == null) {
            return "price";
        }
        if (m.quantity == null) {
            return "qty";
        }
        if (m.tradeTime == null) {
            return "time";
        }
        return m.buyerIsMaker == null ? "isBuyerMaker" : null;
    }

    private static String errorText(JsonParser p) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (v.isScalarValue()) {
                sb.append(sb.length() == 0 ? "" : ", ").append(name).append('=');
                sb.append(p.getText());
            } else {
                p.skipChildren();
            }
        }
        return sb.length() == 0 ? "error object without fields" : sb.toString();
    }
}
