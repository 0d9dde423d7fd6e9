package dev.candleflow.simulator.binance;

import dev.candleflow.simulator.rest.RestHandler;
import dev.candleflow.simulator.rest.RestRequest;
import dev.candleflow.simulator.rest.RestResponse;
import dev.candleflow.simulator.venue.TradeHistory;
import dev.candleflow.simulator.venue.VenueTrade;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Binance spot's public trade REST endpoints, served from the venue's trade history.
 *
 * <p>Relied on binance/binance-spot-api-docs {@code rest-api.md} (commit a5e0bc3, 2026-07-21), "Old
 * trade lookup" {@code GET /api/v3/historicalTrades} (symbol, limit default 500 max 1000, fromId
 * "TradeId to fetch from. Default gets most recent trades.") and "Recent trades list" {@code GET
 * /api/v3/trades}; response items {@code
 * {"id":28457,"price":"4.00000100","qty":"12.00000000","quoteQty":"48.000012","time":1499865549590,
 * "isBuyerMaker":true,"isBestMatch":true}}. Errors as in {@code errors.md}: {@code
 * {"code":-1121,"msg":"Invalid symbol."}} with an HTTP 4XX status ("malformed requests; the issue
 * is on the sender's side"). A limit above 1000 is clamped, as spot does (ccxt/ccxt#19247).
 */
public final class BinanceRestHandler implements RestHandler {

    static final String HISTORICAL_TRADES = "/api/v3/historicalTrades";
    static final String RECENT_TRADES = "/api/v3/trades";
    static final int DEFAULT_LIMIT = 500;
    static final int MAX_LIMIT = 1000;

    private static final Pattern UNSIGNED = Pattern.compile("[0-9]{1,20}");
    private static final Pattern SIGNED = Pattern.compile("-?[0-9]{1,20}");

    private final TradeHistory history;
    private final Predicate<String> listed;
    private final LongSupplier nowMillis;

    /**
     * @param listed whether a symbol ({@code BTCUSDT}) trades on this venue
     * @param nowMillis the venue's clock, for {@code /api/v3/time}
     */
    public BinanceRestHandler(
            TradeHistory history, Predicate<String> listed, LongSupplier nowMillis) {
        this.history = Objects.requireNonNull(history, "history");
        this.listed = Objects.requireNonNull(listed, "listed");
        this.nowMillis = Objects.requireNonNull(nowMillis, "nowMillis");
    }

    @Override
    public RestResponse handle(RestRequest request) {
        if (!request.method().equals("GET")) {
            return RestResponse.of(405, "");
        }
        return switch (request.path()) {
            case HISTORICAL_TRADES -> trades(request, true);
            case RECENT_TRADES -> trades(request, false);
            case "/api/v3/ping" -> RestResponse.ok("{}");
            case "/api/v3/time" ->
                    RestResponse.ok("{\"serverTime\":" + nowMillis.getAsLong() + "}");
            default -> RestResponse.of(404, "");
        };
    }

    private RestResponse trades(RestRequest request, boolean allowFromId) {
        Optional<String> symbol = request.param("symbol").filter(s -> !s.isEmpty());
        if (symbol.isEmpty()) {
            return error(
                    -1102,
                    "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.");
        }
        int limit = DEFAULT_LIMIT;
        if (request.has("limit")) {
            String text = request.param("limit").orElseThrow();
            if (!SIGNED.matcher(text).matches()) {
                return illegal("limit");
            }
            long asked = Long.parseLong(text);
            if (asked < 1) {
                return error(-1130, "Data sent for parameter 'limit' is not valid.");
            }
            limit = (int) Math.min(asked, MAX_LIMIT);
        }
        OptionalLong fromId = OptionalLong.empty();
        if (allowFromId && request.has("fromId")) {
            String text = request.param("fromId").orElseThrow();
            if (!UNSIGNED.matcher(text).matches()) {
                return illegal("fromId");
            }
            fromId = OptionalLong.of(Long.parseLong(text));
        }
        if (!listed.test(symbol.get())) {
            return error(-1121, "Invalid symbol.");
        }
        List<VenueTrade> trades =
                fromId.isPresent()
                        ? history.slice(
                                symbol.get(),
                                TradeHistory.Key.SEQUENCE,
                                fromId.getAsLong(),
                                Long.MAX_VALUE,
                                limit,
                                false)
                        : history.latest(symbol.get(), limit);
        return RestResponse.ok(json(trades));
    }

    /** The response body: a JSON array of Binance trade objects in id order. */
    static String json(List<VenueTrade> trades) {
        StringBuilder out = new StringBuilder(32 + trades.size() * 150).append('[');
        for (int i = 0; i < trades.size(); i++) {
            VenueTrade t = trades.get(i);
            if (i > 0) {
                out.append(',');
            }
            out.append("{\"id\":")
                    .append(t.tradeId())
                    .append(",\"price\":\"")
                    .append(t.price().toPlainString())
                    .append("\",\"qty\":\"")
                    .append(t.quantity().toPlainString())
                    .append("\",\"quoteQty\":\"")
                    .append(quoteQuantity(t.price(), t.quantity()))
                    .append("\",\"time\":")
                    .append(t.eventTimeMillis())
                    .append(",\"isBuyerMaker\":")
                    .append(t.takerSide().buyerIsMaker())
                    .append(",\"isBestMatch\":true}");
        }
        return out.append(']').toString();
    }

    /** Price times quantity at 8 decimals without trailing zeros ({@code "48.000012"}). */
    static String quoteQuantity(BigDecimal price, BigDecimal quantity) {
        BigDecimal quote = price.multiply(quantity).setScale(8, RoundingMode.HALF_UP);
        return quote.signum() == 0 ? "0" : quote.stripTrailingZeros().toPlainString();
    }

    private static RestResponse illegal(String param) {
        return error(
                -1100,
                "Illegal characters found in parameter '"
                        + param
                        + "'; legal range is '^[0-9]{1,20}$'.");
    }

    private static RestResponse error(int code, String msg) {
        return RestResponse.of(400, "{\"code\":" + code + ",\"msg\":\"" + msg + "\"}");
    }
}
