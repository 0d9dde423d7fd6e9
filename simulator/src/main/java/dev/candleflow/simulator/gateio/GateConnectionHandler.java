package dev.candleflow.simulator.gateio;

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

/** One Gate.io spot connection: {@code spot.trades} subscriptions, updates and pings. */
final class GateConnectionHandler implements ConnectionHandler {

    static final String TRADES = "spot.trades";

    private final Outbox out;
    private final VenueContext context;
    private final Set<String> pairs = new HashSet<>();

    GateConnectionHandler(Outbox out, VenueContext context) {
        this.out = out;
        this.context = context;
    }

    @Override
    public void onText(String text) {
        Optional<JsonNode> request = WireText.parse(text).filter(JsonNode::isObject);
        if (request.isEmpty()) {
            out.send(reply(null, "", "", 1, "Invalid request body format"));
            return;
        }
        JsonNode r = request.get();
        String channel = r.path("channel").asText("");
        String event = r.path("event").asText("");
        if (channel.equals("spot.ping")) {
            out.sendPong(reply(r, "spot.pong", "", 0, null));
            return;
        }
        if (!channel.equals(TRADES)
                || !(event.equals("subscribe") || event.equals("unsubscribe"))) {
            out.send(
                    reply(
                            r,
                            channel,
                            event,
                            2,
                            "unknown channel or event " + channel + " " + event));
            return;
        }
        List<String> wanted = new ArrayList<>();
        for (JsonNode p : r.path("payload")) {
            String pair = p.asText("");
            if (!context.listing().isListed(pair)) {
                out.send(reply(r, channel, event, 2, "unknown currency pair: " + pair));
                return;
            }
            wanted.add(pair);
        }
        if (wanted.isEmpty()) {
            out.send(reply(r, channel, event, 2, "payload must list currency pairs"));
        } else if (event.equals("unsubscribe")) {
            wanted.forEach(pairs::remove);
            out.send(reply(r, channel, event, 0, null));
        } else if (out.refuseSubscription()) {
            out.send(reply(r, channel, event, 3, "Server side error happened"));
        } else {
            pairs.addAll(wanted);
            out.send(reply(r, channel, event, 0, null));
            out.subscribed();
        }
    }

    @Override
    public Optional<String> tradeFrame(VenueTrade t) {
        if (!pairs.contains(t.symbol())) {
            return Optional.empty();
        }
        long ms = t.eventTimeMillis();
        return Optional.of(
                new StringBuilder(320)
                        .append("{\"time\":")
                        .append(Math.floorDiv(ms, 1000L))
                        .append(",\"time_ms\":")
                        .append(ms)
                        .append(
                                ",\"channel\":\"spot.trades\",\"event\":\"update\",\"result\":{\"id\":")
                        .append(t.tradeId())
                        .append(",\"id_market\":")
                        .append(t.sequence())
                        .append(",\"create_time\":")
                        .append(Math.floorDiv(ms, 1000L))
                        .append(",\"create_time_ms\":\"")
                        .append(createTimeMs(t.eventTimeMicros()))
                        .append("\",\"side\":\"")
                        .append(t.takerSide().lowerCase())
                        .append("\",\"currency_pair\":\"")
                        .append(t.symbol())
                        .append("\",\"amount\":\"")
                        .append(t.quantity().toPlainString())
                        .append("\",\"price\":\"")
                        .append(t.price().toPlainString())
                        .append("\",\"range\":\"")
                        .append(t.sequence())
                        .append('-')
                        .append(t.sequence())
                        .append("\"}}")
                        .toString());
    }

    /** Milliseconds with the sub-millisecond part as decimals: {@code 1606292218213.457}. */
    static String createTimeMs(long micros) {
        return Math.floorDiv(micros, 1000L)
                + "."
                + String.format("%03d", Math.floorMod(micros, 1000L));
    }

    private String reply(JsonNode r, String channel, String event, int code, String message) {
        long ms = Math.floorDiv(out.nowMicros(), 1000L);
        ObjectNode o =
                WireText.mapper().createObjectNode().put("time", ms / 1000L).put("time_ms", ms);
        if (r != null && r.hasNonNull("id")) {
            o.set("id", r.get("id"));
        }
        o.put("channel", channel).put("event", event);
        if (code == 0) {
            o.putNull("error");
            if (channel.equals("spot.pong")) {
                o.putNull("result");
            } else {
                o.putObject("result").put("status", "success");
            }
        } else {
            o.putObject("error").put("code", code).put("message", message);
            o.putNull("result");
        }
        return o.toString();
    }
}
