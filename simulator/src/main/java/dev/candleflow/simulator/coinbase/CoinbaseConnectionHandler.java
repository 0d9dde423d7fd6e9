package dev.candleflow.simulator.coinbase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candleflow.simulator.venue.ConnectionHandler;
import dev.candleflow.simulator.venue.Outbox;
import dev.candleflow.simulator.venue.VenueContext;
import dev.candleflow.simulator.venue.VenueTrade;
import dev.candleflow.simulator.venue.WireText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One Coinbase feed connection: channel subscriptions, matches and per-product heartbeats. */
final class CoinbaseConnectionHandler implements ConnectionHandler {

    static final String MATCHES = "matches";
    static final String HEARTBEAT = "heartbeat";

    private final Outbox out;
    private final VenueContext context;
    private final long heartbeatNanos;
    private final Map<String, Set<String>> channels = new LinkedHashMap<>();

    /** Per product, the sequence of the last_match sent; matches start after it. */
    private final Map<String, Long> sentUpTo = new HashMap<>();

    private boolean everSubscribed;
    private long lastHeartbeatNanos;

    CoinbaseConnectionHandler(Outbox out, VenueContext context, Duration heartbeatInterval) {
        this.out = out;
        this.context = context;
        this.heartbeatNanos = heartbeatInterval.toNanos();
        this.lastHeartbeatNanos = out.openedNanos();
        channels.put(MATCHES, new LinkedHashSet<>());
        channels.put(HEARTBEAT, new LinkedHashSet<>());
    }

    @Override
    public void onText(String text) {
        Optional<JsonNode> request = WireText.parse(text).filter(JsonNode::isObject);
        if (request.isEmpty()) {
            out.send(error("Malformed JSON", null));
            return;
        }
        String type = request.get().path("type").asText("");
        if (!type.equals("subscribe") && !type.equals("unsubscribe")) {
            out.send(error("Failed to subscribe", "type " + type + " is not supported"));
            return;
        }
        Map<String, List<String>> wanted = new LinkedHashMap<>();
        Optional<String> invalid = requested(request.get(), wanted);
        if (invalid.isPresent()) {
            out.send(error("Failed to subscribe", invalid.get()));
            return;
        }
        if (type.equals("subscribe")) {
            subscribe(wanted);
        } else {
            wanted.forEach((channel, products) -> products.forEach(channels.get(channel)::remove));
            out.send(subscriptions());
        }
    }

    @Override
    public Optional<String> tradeFrame(VenueTrade t) {
        if (!channels.get(MATCHES).contains(t.symbol())
                || t.sequence() <= sentUpTo.getOrDefault(t.symbol(), Long.MIN_VALUE)) {
            return Optional.empty();
        }
        return Optional.of(CoinbaseMessages.match("match", t));
    }

    @Override
    public void onTick(long nowNanos) {
        if (!everSubscribed
                && nowNanos - out.openedNanos() >= CoinbaseProtocol.SUBSCRIBE_DEADLINE.toNanos()) {
            out.close(1000, "No subscribe within 5 seconds");
            return;
        }
        if (nowNanos - lastHeartbeatNanos < heartbeatNanos) {
            return;
        }
        lastHeartbeatNanos = nowNanos;
        String time = WireText.isoMicros(out.nowMicros());
        for (String product : channels.get(HEARTBEAT)) {
            Optional<VenueTrade> last = context.history().last(product);
            out.send(
                    "{\"type\":\"heartbeat\",\"sequence\":"
                            + last.map(CoinbaseMessages::sequence).orElse(0L)
                            + ",\"last_trade_id\":"
                            + last.map(VenueTrade::tradeId).orElse("0")
                            + ",\"product_id\":\""
                            + product
                            + "\",\"time\":\""
                            + time
                            + "\"}");
        }
    }

    private void subscribe(Map<String, List<String>> wanted) {
        if (out.refuseSubscription()) {
            out.send(error("Failed to subscribe", "subscription refused, retry later"));
            return;
        }
        List<String> newMatches = new ArrayList<>();
        wanted.forEach(
                (channel, products) -> {
                    for (String product : products) {
                        if (channels.get(channel).add(product) && channel.equals(MATCHES)) {
                            newMatches.add(product);
                        }
                    }
                });
        everSubscribed = true;
        out.send(subscriptions());
        // Right after subscribing to matches, the feed sends the product's latest trade.
        for (String product : newMatches) {
            context.history()
                    .last(product)
                    .ifPresent(
                            t -> {
                                sentUpTo.put(product, t.sequence());
                                out.send(CoinbaseMessages.match("last_match", t));
                            });
        }
        out.subscribed();
    }

    /** Collects channel to products; the reason if a channel or product is not valid. */
    private Optional<String> requested(JsonNode request, Map<String, List<String>> wanted) {
        List<String> shared = texts(request.path("product_ids"));
        for (JsonNode c : request.path("channels")) {
            String name = c.isTextual() ? c.asText() : c.path("name").asText("");
            List<String> products =
                    c.isObject() && c.has("product_ids") ? texts(c.get("product_ids")) : shared;
            if (!channels.containsKey(name)) {
                return Optional.of(name + " is not a valid channel");
            }
            for (String product : products) {
                if (!context.listing().isListed(product)) {
                    return Optional.of(product + " is not a valid product");
                }
            }
            wanted.computeIfAbsent(name, k -> new ArrayList<>()).addAll(products);
        }
        return wanted.isEmpty() ? Optional.of("channels is required") : Optional.empty();
    }

    /**
     * {@code {"type":"subscriptions","channels":[{"name":..,"product_ids":[..]}]}}: all of them.
     */
    private String subscriptions() {
        ObjectNode o = WireText.mapper().createObjectNode().put("type", "subscriptions");
        ArrayNode list = o.putArray("channels");
        channels.forEach(
                (name, products) -> {
                    if (!products.isEmpty()) {
                        ArrayNode ids = list.addObject().put("name", name).putArray("product_ids");
                        products.forEach(ids::add);
                    }
                });
        return o.toString();
    }

    private static String error(String message, String reason) {
        ObjectNode o = WireText.mapper().createObjectNode().put("type", "error");
        o.put("message", message);
        if (reason != null) {
            o.put("reason", reason);
        }
        return o.toString();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
