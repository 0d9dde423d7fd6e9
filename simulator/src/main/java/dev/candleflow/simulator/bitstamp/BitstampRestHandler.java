package dev.candleflow.simulator.bitstamp;

import dev.candleflow.simulator.market.TradeSide;
import dev.candleflow.simulator.rest.RestHandler;
import dev.candleflow.simulator.rest.RestRequest;
import dev.candleflow.simulator.rest.RestResponse;
import dev.candleflow.simulator.venue.TradeHistory;
import dev.candleflow.simulator.venue.VenueContext;
import dev.candleflow.simulator.venue.VenueTrade;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bitstamp's {@code GET /api/v2/transactions/{pair}/?time=minute|hour|day}: the trades of the last
 * minute, hour (default) or day of the venue's clock, newest first.
 *
 * <p>Fields {@code date, tid, price, amount, type} (0 buy, 1 sell), all strings, as described for
 * "Transaction" in the Bitstamp schema mirrored by api-evangelist/bitstamp {@code
 * json-schema/transaction.json} and the implicit endpoint {@code transactions/{pair}} listed by
 * docs.ccxt.com for bitstamp. The error bodies are not verified. A day is capped by the REST
 * history's retention.
 */
public final class BitstampRestHandler implements RestHandler {

    private static final Pattern PATH = Pattern.compile("/api/v2/transactions/([a-z0-9]+)/?");
    private static final int MAX_TRADES = 100_000;

    private final VenueContext context;

    public BitstampRestHandler(VenueContext context) {
        this.context = context;
    }

    @Override
    public RestResponse handle(RestRequest request) {
        Matcher m = PATH.matcher(request.path());
        if (!m.matches() || !context.listing().isListed(m.group(1))) {
            return RestResponse.of(404, "{\"errors\":[{\"message\":\"Not found\"}]}");
        }
        long windowMicros =
                switch (request.param("time").orElse("hour")) {
                    case "minute" -> 60_000_000L;
                    case "hour" -> 3_600_000_000L;
                    case "day" -> 86_400_000_000L;
                    default -> -1L;
                };
        if (windowMicros < 0) {
            return RestResponse.of(
                    400,
                    "{\"errors\":[{\"field\":\"time\",\"message\":\"Must be one of: minute, hour,"
                            + " day.\"}]}");
        }
        long now = context.nowMicros().getAsLong();
        List<VenueTrade> trades =
                new ArrayList<>(
                        context.history()
                                .slice(
                                        m.group(1),
                                        TradeHistory.Key.TIME,
                                        now - windowMicros + 1,
                                        Long.MAX_VALUE,
                                        MAX_TRADES,
                                        true));
        Collections.reverse(trades);
        StringBuilder body = new StringBuilder(16 + trades.size() * 110).append('[');
        for (int i = 0; i < trades.size(); i++) {
            VenueTrade t = trades.get(i);
            body.append(i == 0 ? "" : ",")
                    .append("{\"date\":\"")
                    .append(Math.floorDiv(t.eventTimeMicros(), 1_000_000L))
                    .append("\",\"tid\":\"")
                    .append(t.tradeId())
                    .append("\",\"amount\":\"")
                    .append(t.quantity().toPlainString())
                    .append("\",\"type\":\"")
                    .append(t.takerSide() == TradeSide.BUY ? 0 : 1)
                    .append("\",\"price\":\"")
                    .append(t.price().toPlainString())
                    .append("\"}");
        }
        return RestResponse.ok(body.append(']').toString());
    }
}
