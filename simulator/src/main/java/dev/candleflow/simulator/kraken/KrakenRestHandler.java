package dev.candleflow.simulator.kraken;

import dev.candleflow.simulator.market.Instrument;
import dev.candleflow.simulator.rest.RestHandler;
import dev.candleflow.simulator.rest.RestRequest;
import dev.candleflow.simulator.rest.RestResponse;
import dev.candleflow.simulator.venue.TradeHistory;
import dev.candleflow.simulator.venue.VenueContext;
import dev.candleflow.simulator.venue.VenueTrade;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Kraken's {@code GET /0/public/Trades?pair=..&since=..&count=..}: trades after a timestamp, oldest
 * first, with {@code last} to pass as the next {@code since}.
 *
 * <p>Relied on docs.kraken.com {@code /api/docs/rest-api/get-recent-trades} ("Returns the last 1000
 * trades by default"; response {@code {"error":[],"result":{"XXBTZUSD":[["30243.40000",
 * "0.34507674",1688669597.8277369,"b","m","",61044952],..],"last":"1688671969993150842"}}}). {@code
 * since} is read as epoch seconds (with a fraction) or, when it is that large, as nanoseconds like
 * {@code last}. Pairs are accepted as altname ({@code XBTUSD}), as v2 symbol ({@code BTC/USD}) or
 * plain ({@code BTCUSD}); the result is keyed by Kraken's pair name ({@code XXBTZUSD} for the
 * legacy fiat pairs, else the altname). Errors use Kraken's {@code error} array, e.g. {@code
 * EQuery:Unknown asset pair}, with HTTP 200.
 */
public final class KrakenRestHandler implements RestHandler {

    static final String PATH = "/0/public/Trades";
    private static final int MAX_COUNT = 1000;
    private static final Set<String> LEGACY_FIAT = Set.of("USD", "EUR", "GBP", "CAD", "JPY");
    private static final Set<String> LEGACY_CRYPTO =
            Set.of("XBT", "ETH", "LTC", "XRP", "XLM", "ETC");
    private static final BigDecimal NANOS_THRESHOLD = new BigDecimal("100000000000000");

    private final VenueContext context;

    public KrakenRestHandler(VenueContext context) {
        this.context = context;
    }

    @Override
    public RestResponse handle(RestRequest request) {
        if (!request.path().equals(PATH)) {
            return error("EGeneral:Unknown method");
        }
        Optional<String> pair = request.param("pair").filter(s -> !s.isEmpty());
        if (pair.isEmpty()) {
            return error("EGeneral:Invalid arguments");
        }
        Optional<Map.Entry<String, Instrument>> listed = resolve(pair.get());
        if (listed.isEmpty()) {
            return error("EQuery:Unknown asset pair");
        }
        Optional<Long> sinceMicros = Optional.empty();
        if (request.has("since")) {
            sinceMicros = sinceMicros(request.param("since").orElseThrow());
            if (sinceMicros.isEmpty()) {
                return error("EGeneral:Invalid arguments:since");
            }
        }
        if (request.firstNonNumber("count").isPresent()
                || request.number("count").filter(c -> c < 1).isPresent()) {
            return error("EGeneral:Invalid arguments:count");
        }
        int count = (int) Math.min(request.number("count").orElse((long) MAX_COUNT), MAX_COUNT);
        String symbol = listed.get().getKey();
        List<VenueTrade> trades =
                sinceMicros.isPresent()
                        ? context.history()
                                .slice(
                                        symbol,
                                        TradeHistory.Key.TIME,
                                        sinceMicros.get() + 1,
                                        Long.MAX_VALUE,
                                        count,
                                        false)
                        : context.history().latest(symbol, count);
        StringBuilder body = new StringBuilder(64 + trades.size() * 90);
        body.append("{\"error\":[],\"result\":{\"")
                .append(resultKey(listed.get().getValue()))
                .append("\":[");
        for (int i = 0; i < trades.size(); i++) {
            body.append(i == 0 ? "" : ",").append(KrakenMessages.restItem(trades.get(i)));
        }
        long lastMicros =
                trades.isEmpty()
                        ? sinceMicros.orElse(context.nowMicros().getAsLong())
                        : trades.get(trades.size() - 1).eventTimeMicros();
        body.append("],\"last\":\"").append(lastMicros * 1000L).append("\"}}");
        return RestResponse.ok(body.toString());
    }

    /** The listed v2 symbol and instrument for a REST pair name, if any. */
    private Optional<Map.Entry<String, Instrument>> resolve(String pair) {
        String wanted = pair.toUpperCase(Locale.ROOT).replace("/", "");
        for (Map.Entry<String, Instrument> e : context.listing().symbols().entrySet()) {
            Instrument i = e.getValue();
            if (wanted.equals(i.joined(""))
                    || wanted.equals(altname(i))
                    || wanted.equals(resultKey(i))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Kraken calls bitcoin XBT in REST pair names: {@code XBTUSDT}. */
    static String altname(Instrument i) {
        return asset(i.base()) + asset(i.quote());
    }

    /** The result key: {@code XXBTZUSD} for the legacy fiat pairs, else the altname. */
    static String resultKey(Instrument i) {
        String base = asset(i.base());
        if (LEGACY_CRYPTO.contains(base) && LEGACY_FIAT.contains(i.quote())) {
            return "X" + base + "Z" + i.quote();
        }
        return altname(i);
    }

    private static String asset(String code) {
        return code.equals("BTC") ? "XBT" : code;
    }

    /** Epoch seconds (maybe fractional) or nanoseconds, as microseconds. */
    static Optional<Long> sinceMicros(String text) {
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.signum() < 0) {
                return Optional.empty();
            }
            BigDecimal micros =
                    value.compareTo(NANOS_THRESHOLD) >= 0
                            ? value.movePointLeft(3)
                            : value.movePointRight(6);
            return Optional.of(micros.longValue());
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static RestResponse error(String message) {
        return RestResponse.ok("{\"error\":[\"" + message + "\"]}");
    }
}
