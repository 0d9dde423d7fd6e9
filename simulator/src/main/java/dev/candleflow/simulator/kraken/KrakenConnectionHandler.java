package dev.candleflow.simulator.kraken;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candleflow.simulator.venue.ConnectionHandler;
import dev.candleflow.simulator.venue.Outbox;
import dev.candleflow.simulator.venue.VenueContext;
import dev.candleflow.simulator.venue.VenueTrade;
import dev.candleflow.simulator.venue.WireText;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Kraken v2 connection: status on connect, per-symbol acks, snapshot then updates, heartbeats
 * while the connection is otherwise quiet, and pongs.
 */
final class KrakenConnectionHandler implements ConnectionHandler {

    private static final String CHANNEL = "trade";

    private final Outbox out;
    private final VenueContext context;
    private final long heartbeatNanos;

    /** Subscribed symbol to the newest sequence its snapshot carried (updates start after it). */
    private final Map<String, Long> symbols = new HashMap<>();

    private long lastSentNanos;

    KrakenConnectionHandler(Outbox out, VenueContext context, Duration heartbeatInterval) {
        this.out = out;
        this.context = context;
        this.heartbeatNanos = heartbeatInterval.toNanos();
    }

    @Override
    public void onOpen() {
        out.send(
                "{\"channel\":\"status\",\"type\":\"update\",\"data\":[{\"version\":\"2.0.0\","
                        + "\"system\":\"online\",\"api_version\":\"v2\",\"connection_id\":"
                        + Long.parseUnsignedLong(out.connectionId(), 16)
                        + "}]}");
    }

    @Override
    public void onText(String text) {
        String timeIn = WireText.isoMicros(out.nowMicros());
        Optional<JsonNode> request = WireText.parse(text).filter(JsonNode::isObject);
        if (request.isEmpty()) {
            out.send(failure(null, "error", "Malformed request", null, timeIn));
            return;
        }
        JsonNode r = request.get();
        String method = r.path("method").asText("");
        switch (method) {
            case "ping" -> {
                ObjectNode pong = reply(r, "pong", timeIn);
                out.sendPong(pong.toString());
            }
            case "subscribe", "unsubscribe" -> change(r, method, timeIn);
            default -> out.send(failure(r, method, "Method not supported", null, timeIn));
        }
    }

    @Override
    public Optional<String> tradeFrame(VenueTrade t) {
        Long after = symbols.get(t.symbol());
        if (after == null || t.sequence() <= after) {
            return Optional.empty();
        }
        lastSentNanos = System.nanoTime();
        return Optional.of(KrakenMessages.trades("update", List.of(t)));
    }

    @Override
    public void onTick(long nowNanos) {
        if (!symbols.isEmpty() && nowNanos - lastSentNanos >= heartbeatNanos) {
            lastSentNanos = nowNanos;
            out.send("{\"channel\":\"heartbeat\"}");
        }
    }

    private void change(JsonNode r, String method, String timeIn) {
        JsonNode params = r.path("params");
        if (!params.path("channel").asText("").equals(CHANNEL)
                || !params.path("symbol").isArray()) {
            out.send(failure(r, method, "Channel or symbol not supported", null, timeIn));
            return;
        }
        boolean refused = method.equals("subscribe") && out.refuseSubscription();
        boolean snapshot = params.path("snapshot").asBoolean(true);
        boolean subscribed = false;
        for (JsonNode s : params.get("symbol")) {
            String symbol = s.asText("");
            if (!context.listing().isListed(symbol)) {
                out.send(
                        failure(
                                r,
                                method,
                                "Currency pair not supported " + symbol,
                                symbol,
                                timeIn));
            } else if (refused) {
                out.send(failure(r, method, "Subscription refused, retry later", symbol, timeIn));
            } else if (method.equals("unsubscribe")) {
                symbols.remove(symbol);
                out.send(ack(r, method, symbol, snapshot, timeIn));
            } else {
                out.send(ack(r, method, symbol, snapshot, timeIn));
                List<VenueTrade> last =
                        context.history().latest(symbol, KrakenProtocol.SNAPSHOT_TRADES);
                long newest =
                        last.isEmpty() ? Long.MIN_VALUE : last.get(last.size() - 1).sequence();
                symbols.put(symbol, snapshot ? newest : Long.MIN_VALUE);
                if (snapshot) {
                    out.send(KrakenMessages.trades("snapshot", last));
                }
                subscribed = true;
            }
        }
        if (subscribed) {
            out.subscribed();
        }
    }

    private ObjectNode reply(JsonNode r, String method, String timeIn) {
        ObjectNode o = WireText.mapper().createObjectNode().put("method", method);
        if (r != null && r.hasNonNull("req_id")) {
            o.set("req_id", r.get("req_id"));
        }
        o.put("time_in", timeIn).put("time_out", WireText.isoMicros(out.nowMicros()));
        return o;
    }

    private String ack(JsonNode r, String method, String symbol, boolean snapshot, String timeIn) {
        ObjectNode o = reply(r, method, timeIn);
        o.putObject("result")
                .put("channel", CHANNEL)
                .put("snapshot", snapshot)
                .put("symbol", symbol);
        o.put("success", true);
        return o.toString();
    }

    private String failure(JsonNode r, String method, String error, String symbol, String timeIn) {
        ObjectNode o = reply(r, method, timeIn);
        o.put("error", error).put("success", false);
        if (symbol != null) {
            o.put("symbol", symbol);
        }
        return o.toString();
    }
}
