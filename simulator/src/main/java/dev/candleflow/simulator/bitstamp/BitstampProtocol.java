package dev.candleflow.simulator.bitstamp;

import dev.candleflow.simulator.venue.ConnectionHandler;
import dev.candleflow.simulator.venue.Outbox;
import dev.candleflow.simulator.venue.VenueContext;
import dev.candleflow.simulator.venue.VenueId;
import dev.candleflow.simulator.venue.VenueProtocol;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Bitstamp WebSocket v2 ({@code wss://ws.bitstamp.net}, path {@code /}): {@code live_trades_<pair>}
 * channels, {@code bts:heartbeat} requests and {@code bts:request_reconnect}.
 *
 * <p>The official page ({@code https://www.bitstamp.net/websocket/v2/}) was not in the searchable
 * corpus. Relied on real frames recorded by bmoscon/cryptofeed {@code sample_data/BITSTAMP.ws.1.0}
 * (subscribe {@code {"event":"bts:subscribe","data":{"channel":"live_trades_sgbeur"}}}, ack {@code
 * {"event":"bts:subscription_succeeded","channel":..,"data":{}}}, trade {@code {"data":{"id":..,
 * "timestamp":"..","amount":..,"amount_str":"..","price":..,"price_str":"..","type":0,
 * "microtimestamp":"..","buy_order_id":..,"sell_order_id":..},"channel":..,"event":"trade"}}), on
 * the client heartbeat {@code {"event":"bts:heartbeat"}} cited from that page by docs.rs
 * crypto-ws-client 3.2.2, and on {@code bts:request_reconnect} as named in the task's protocol
 * notes. The shapes of the heartbeat reply and of {@code bts:error} are not verified.
 */
public final class BitstampProtocol implements VenueProtocol {

    private final VenueContext context;

    public BitstampProtocol(VenueContext context) {
        this.context = context;
    }

    @Override
    public VenueId venue() {
        return VenueId.BITSTAMP;
    }

    @Override
    public Optional<String> rejectHandshake(String resource, BooleanSupplier refuseSubscription) {
        String path = resource.split("\\?", 2)[0];
        return path.isEmpty() || path.equals("/")
                ? Optional.empty()
                : Optional.of("Unknown path " + resource);
    }

    @Override
    public ConnectionHandler open(Outbox out, String resource) {
        return new BitstampConnectionHandler(out, context);
    }

    @Override
    public Duration tickPeriod() {
        return Duration.ofSeconds(1);
    }
}
