package dev.candleflow.simulator.okx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candleflow.simulator.venue.ConnectionHandler;
import dev.candleflow.simulator.venue.Outbox;
import dev.candleflow.simulator.venue.VenueContext;
import dev.candleflow.simulator.venue.VenueTrade;
import dev.candleflow.simulator.venue.WireText;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** One OKX public connection: per-argument acks and errors, trades, ping and the idle cut. */
final class OkxConnectionHandler implements ConnectionHandler {

    static final String TRADES = "trades";
    static final String ALL_TRADES = "trades-all";
    static final String NOTICE =
            "The connection will soon be closed for a service upgrade. Please reconnect.";

    private final Outbox out;
    private final VenueContext context;
    private final long idleNanos;
    private final String channel;
    private final Set<String> instIds = new HashSet<>();

    /**
     * @param channel {@code trades} on the public path, {@code trades-all} on the business path
     */
    OkxConnectionHandler(Outbox out, VenueContext context, Duration idleTimeout, String channel) {
        this.out = out;
        this.context = context;
        this.idleNanos = idleTimeout.toNanos();
        this.channel = channel;
    }

    @Override
    public void onText(String text) {
        if (text.equals("ping")) {
            out.sendPong("pong");
            return;
        }
        Optional<JsonNode> request = WireText.parse(text).filter(JsonNode::isObject);
        String op = request.map(r -> r.path("op").asText("")).orElse("");
        if (request.isEmpty() || !(op.equals("subscribe") || op.equals("unsubscribe"))) {
            out.send(error(request.orElse(null), "60012", "Invalid request: " + text));
            return;
        }
        JsonNode r = request.get();
        JsonNode args = r.path("args");
        if (!args.isArray() || args.isEmpty()) {
            out.send(error(r, "60013", "Invalid args"));
            return;
        }
        if (op.equals("subscribe") && out.refuseSubscription()) {
            out.send(error(r, "60014", "Requests too frequent."));
            return;
        }
        boolean subscribed = false;
        for (JsonNode arg : args) {
            String wanted = arg.path("channel").asText("");
            String instId = arg.path("instId").asText("");
            if (!wanted.equals(channel) || !context.listing().isListed(instId)) {
                out.send(
                        error(
                                r,
                                "60018",
                                "Wrong URL or channel:"
                                        + wanted
                                        + ",instId:"
                                        + instId
                                        + " doesn't exist. Please use the correct URL, channel"
                                        + " and parameters referring to API document."));
                continue;
            }
            if (op.equals("subscribe")) {
                instIds.add(instId);
                subscribed = true;
            } else {
                instIds.remove(instId);
            }
            out.send(ack(r, op, instId));
        }
        if (subscribed) {
            out.subscribed();
        }
    }

    @Override
    public Optional<String> tradeFrame(VenueTrade t) {
        if (!instIds.contains(t.symbol())) {
            return Optional.empty();
        }
        StringBuilder frame =
                new StringBuilder(256)
                        .append("{\"arg\":{\"channel\":\"")
                        .append(channel)
                        .append("\",\"instId\":\"")
                        .append(t.symbol())
                        .append("\"},\"data\":[{\"instId\":\"")
                        .append(t.symbol())
                        .append("\",\"tradeId\":\"")
                        .append(t.tradeId())
                        .append("\",\"px\":\"")
                        .append(t.price().toPlainString())
                        .append("\",\"sz\":\"")
                        .append(t.quantity().toPlainString())
                        .append("\",\"side\":\"")
                        .append(t.takerSide().lowerCase())
                        .append("\",\"ts\":\"")
                        .append(t.eventTimeMillis());
        if (channel.equals(ALL_TRADES)) {
            frame.append("\",\"source\":\"0\"}]}");
        } else {
            frame.append("\",\"count\":\"1\",\"source\":\"0\",\"seqId\":")
                    .append(t.sequence())
                    .append("}]}");
        }
        return Optional.of(frame.toString());
    }

    @Override
    public void onTick(long nowNanos) {
        // No subscription, no client message and no data for the idle timeout: OKX cuts.
        if (nowNanos - out.lastActivityNanos() >= idleNanos) {
            out.drop("No message for " + idleNanos / 1_000_000 + " ms");
        }
    }

    @Override
    public Optional<String> reconnectNotice() {
        return Optional.of(
                "{\"event\":\"notice\",\"code\":\"64008\",\"msg\":\""
                        + NOTICE
                        + "\",\"connId\":\""
                        + out.connectionId()
                        + "\"}");
    }

    private String ack(JsonNode request, String op, String instId) {
        ObjectNode o = WireText.mapper().createObjectNode();
        if (request.hasNonNull("id")) {
            o.put("id", request.get("id").asText());
        }
        o.put("event", op);
        o.putObject("arg").put("channel", channel).put("instId", instId);
        o.put("connId", out.connectionId());
        return o.toString();
    }

    private String error(JsonNode request, String code, String msg) {
        ObjectNode o = WireText.mapper().createObjectNode();
        if (request != null && request.hasNonNull("id")) {
            o.put("id", request.get("id").asText());
        }
        o.put("event", "error").put("code", code).put("msg", msg);
        o.put("connId", out.connectionId());
        return o.toString();
    }
}
