package dev.candleflow.simulator.bitstamp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candleflow.simulator.market.TradeSide;
import dev.candleflow.simulator.venue.ConnectionHandler;
import dev.candleflow.simulator.venue.Outbox;
import dev.candleflow.simulator.venue.VenueContext;
import dev.candleflow.simulator.venue.VenueTrade;
import dev.candleflow.simulator.venue.WireText;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** One Bitstamp connection: {@code bts:*} events and {@code live_trades_<pair>} trades. */
final class BitstampConnectionHandler implements ConnectionHandler {

    static final String PREFIX = "live_trades_";

    private final Outbox out;
    private final VenueContext context;
    private final Set<String> pairs = new HashSet<>();

    BitstampConnectionHandler(Outbox out, VenueContext context) {
        this.out = out;
        this.context = context;
    }

    @Override
    public void onText(String text) {
        Optional<JsonNode> request = WireText.parse(text).filter(JsonNode::isObject);
        if (request.isEmpty()) {
            out.send(error("Incorrect JSON format."));
            return;
        }
        String event = request.get().path("event").asText("");
        String channel = request.get().path("data").path("channel").asText("");
        String pair = channel.startsWith(PREFIX) ? channel.substring(PREFIX.length()) : "";
        switch (event) {
            case "bts:heartbeat" ->
                    out.sendPong(
                            "{\"event\":\"bts:heartbeat\",\"channel\":\"\",\"data\":{\"status\":\"success\"}}");
            case "bts:subscribe" -> {
                if (pair.isEmpty() || !context.listing().isListed(pair)) {
                    out.send(error("Bad subscription string."));
                } else if (out.refuseSubscription()) {
                    out.send(error("Subscription refused, please retry."));
                } else {
                    pairs.add(pair);
                    out.send(event("bts:subscription_succeeded", channel));
                    out.subscribed();
                }
            }
            case "bts:unsubscribe" -> {
                pairs.remove(pair);
                out.send(event("bts:unsubscription_succeeded", channel));
            }
            default -> out.send(error("Bad event."));
        }
    }

    @Override
    public Optional<String> tradeFrame(VenueTrade t) {
        if (!pairs.contains(t.symbol())) {
            return Optional.empty();
        }
        long micros = t.eventTimeMicros();
        long orderBase = t.venueSequence() * 4L;
        return Optional.of(
                new StringBuilder(320)
                        .append("{\"data\":{\"id\":")
                        .append(t.tradeId())
                        .append(",\"timestamp\":\"")
                        .append(Math.floorDiv(micros, 1_000_000L))
                        .append("\",\"amount\":")
                        .append(t.quantity().stripTrailingZeros().toPlainString())
                        .append(",\"amount_str\":\"")
                        .append(t.quantity().toPlainString())
                        .append("\",\"price\":")
                        .append(t.price().stripTrailingZeros().toPlainString())
                        .append(",\"price_str\":\"")
                        .append(t.price().toPlainString())
                        .append("\",\"type\":")
                        .append(t.takerSide() == TradeSide.BUY ? 0 : 1)
                        .append(",\"microtimestamp\":\"")
                        .append(micros)
                        .append("\",\"buy_order_id\":")
                        .append(orderBase + 1)
                        .append(",\"sell_order_id\":")
                        .append(orderBase + 2)
                        .append("},\"channel\":\"")
                        .append(PREFIX)
                        .append(t.symbol())
                        .append("\",\"event\":\"trade\"}")
                        .toString());
    }

    @Override
    public Optional<String> reconnectNotice() {
        return Optional.of("{\"event\":\"bts:request_reconnect\",\"channel\":\"\",\"data\":\"\"}");
    }

    private static String event(String event, String channel) {
        return "{\"event\":\""
                + event
                + "\",\"channel\":"
                + WireText.quote(channel)
                + ",\"data\":{}}";
    }

    private static String error(String message) {
        ObjectNode o =
                WireText.mapper().createObjectNode().put("event", "bts:error").put("channel", "");
        o.putObject("data").putNull("code").put("message", message);
        return o.toString();
    }
}
