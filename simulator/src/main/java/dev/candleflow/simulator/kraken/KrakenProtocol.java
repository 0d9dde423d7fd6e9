package dev.candleflow.simulator.kraken;

import dev.candleflow.simulator.venue.ConnectionHandler;
import dev.candleflow.simulator.venue.Outbox;
import dev.candleflow.simulator.venue.VenueContext;
import dev.candleflow.simulator.venue.VenueId;
import dev.candleflow.simulator.venue.VenueProtocol;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Kraken spot WebSocket v2 ({@code wss://ws.kraken.com/v2}): the {@code trade} channel with a
 * snapshot of the last 50 trades, per-symbol acks, {@code {"channel":"heartbeat"}} about once a
 * second, and the {@code ping} method.
 *
 * <p>Relied on docs.kraken.com: {@code /api/docs/websocket-v2/trade} (request {@code
 * {"method":"subscribe","params":{"channel":"trade","symbol":[..],"snapshot":true}}}, the ack
 * schema with {@code result}, {@code success}, {@code error}, {@code time_in}, {@code time_out},
 * {@code req_id}), {@code /exchange/api-reference/spot-websocket-v2/trade.md} ("The snapshot
 * reflects the most recent 50 trades"; fields {@code symbol, side, price, qty, ord_type, trade_id,
 * timestamp}), {@code /api/docs/websocket-v2/heartbeat/} ("approximately once every second in the
 * absence of any other channel updates"), {@code /exchange/api-reference/spot-websocket-v2/ping}
 * and {@code /exchange/api-reference/spot-websocket} ("Trade ID: Sequential int", v2 symbols {@code
 * BTC/USD}). Per-symbol acks and the failure text {@code "Currency pair not supported .."} as
 * quoted from the Kraken docs in docs.rs rustrade-data 0.14.0 {@code kraken/subscription.rs}.
 */
public final class KrakenProtocol implements VenueProtocol {

    static final String PATH = "/v2";
    static final int SNAPSHOT_TRADES = 50;

    private final VenueContext context;
    private final Duration heartbeatInterval;

    public KrakenProtocol(VenueContext context, Duration heartbeatInterval) {
        this.context = context;
        this.heartbeatInterval = heartbeatInterval;
    }

    @Override
    public VenueId venue() {
        return VenueId.KRAKEN;
    }

    @Override
    public Optional<String> rejectHandshake(String resource, BooleanSupplier refuseSubscription) {
        String path = resource.split("\\?", 2)[0];
        return path.equals(PATH) || path.equals(PATH + "/")
                ? Optional.empty()
                : Optional.of("Unknown path " + resource);
    }

    @Override
    public ConnectionHandler open(Outbox out, String resource) {
        return new KrakenConnectionHandler(out, context, heartbeatInterval);
    }

    @Override
    public Duration tickPeriod() {
        return Duration.ofMillis(Math.max(5, Math.min(100, heartbeatInterval.toMillis() / 4)));
    }
}
