package dev.candleflow.simulator.bybit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candleflow.simulator.venue.ConnectionHandler;
import dev.candleflow.simulator.venue.Outbox;
import dev.candleflow.simulator.venue.VenueContext;
import dev.candleflow.simulator.venue.VenueTrade;
import dev.candleflow.simulator.venue.WireText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One Bybit spot connection: topics, op requests and the spot pong. */
final class BybitConnectionHandler implements ConnectionHandler {

    private static final String TOPIC_PREFIX = "publicTrade.";
    private static final int MAX_ARGS = 10;

    private final Outbox out;
    private final VenueContext context;
    private final Set<String> symbols = new HashSet<>();

    BybitConnectionHandler(Outbox out, VenueContext context) {
        this.out = out;
        this.context = context;
    }

    @Override
    public void onText(String text) {
        Optional<JsonNode> request = WireText.parse(text).filter(JsonNode::isObject);
        if (request.isEmpty()) {
            out.send(reply(null, "", false, "error:request not json"));
            return;
        }
        JsonNode r = request.get();
        String op = r.path("op").asText("");
        switch (op) {
            case "ping" -> out.sendPong(reply(r, op, true, "pong"));
            case "subscribe", "unsubscribe" -> changeTopics(r, op);
            default -> out.send(reply(r, op, false, "error:unsupported op " + op));
        }
    }

    @Override
    public Optional<String> tradeFrame(VenueTrade t) {
        if (!symbols.contains(t.symbol())) {
            return Optional.empty();
        }
        return Optional.of(
                new StringBuilder(256)
                        .append("{\"topic\":\"")
                        .append(TOPIC_PREFIX)
                        .append(t.symbol())
                        .append("\",\"type\":\"snapshot\",\"ts\":")
                        .append(t.eventTimeMillis())
                        .append(",\"data\":[{\"T\":")
                        .append(t.eventTimeMillis())
                        .append(",\"s\":\"")
                        .append(t.symbol())
                        .append("\",\"S\":\"")
                        .append(
                                t.takerSide() == dev.candleflow.simulator.market.TradeSide.BUY
                                        ? "Buy"
                                        : "Sell")
                        .append("\",\"v\":\"")
                        .append(t.quantity().toPlainString())
                        .append("\",\"p\":\"")
                        .append(t.price().toPlainString())
                        .append("\",\"i\":\"")
                        .append(t.tradeId())
                        .append("\",\"BT\":false,\"RPI\":false,\"seq\":")
                        .append(t.sequence())
                        .append("}]}")
                        .toString());
    }

    @Override
    public void onTick(long nowNanos) {
        if (nowNanos - out.lastActivityNanos() >= BybitProtocol.IDLE_CUT.toNanos()) {
            out.drop("No ping-pong or data for 10 minutes");
        }
    }

    private void changeTopics(JsonNode r, String op) {
        JsonNode args = r.path("args");
        if (!args.isArray() || args.isEmpty()) {
            out.send(reply(r, op, false, "error:args must be a non-empty array"));
            return;
        }
        if (args.size() > MAX_ARGS) {
            out.send(reply(r, op, false, "error:args size >" + MAX_ARGS));
            return;
        }
        List<String> wanted = new ArrayList<>();
        for (JsonNode arg : args) {
            String topic = arg.asText("");
            String symbol =
                    topic.startsWith(TOPIC_PREFIX) ? topic.substring(TOPIC_PREFIX.length()) : "";
            if (!context.listing().isListed(symbol) || symbol.isEmpty()) {
                out.send(reply(r, op, false, "error:handler not found,topic:" + topic));
                return;
            }
            wanted.add(symbol);
        }
        if (op.equals("subscribe")) {
            if (out.refuseSubscription()) {
                out.send(reply(r, op, false, "error:subscribe failed, please retry"));
                return;
            }
            symbols.addAll(wanted);
            out.send(reply(r, op, true, op));
            out.subscribed();
        } else {
            wanted.forEach(symbols::remove);
            out.send(reply(r, op, true, op));
        }
    }

    /** The spot reply shape; {@code req_id} only when the request had one. */
    private String reply(JsonNode request, String op, boolean success, String message) {
        ObjectNode o = WireText.mapper().createObjectNode();
        o.put("success", success).put("ret_msg", message).put("conn_id", out.connectionId());
        if (request != null && request.hasNonNull("req_id")) {
            o.put("req_id", request.get("req_id").asText());
        }
        o.put("op", op);
        return o.toString();
    }
}
