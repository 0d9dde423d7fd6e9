package dev.candleflow.simulator.gateio;

import dev.candleflow.simulator.venue.ConnectionHandler;
import dev.candleflow.simulator.venue.Outbox;
import dev.candleflow.simulator.venue.VenueContext;
import dev.candleflow.simulator.venue.VenueId;
import dev.candleflow.simulator.venue.VenueProtocol;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Gate.io spot WebSocket v4 ({@code wss://api.gateio.ws/ws/v4/}): the {@code spot.trades} channel
 * and {@code spot.ping}/{@code spot.pong}.
 *
 * <p>Relied on the Gate v4 spot WebSocket docs as mirrored in rosssaunders/coincise {@code
 * docs/gateio/spot_websocket_api.md} (commit a00ae58): request {@code {"time","id","channel",
 * "event","payload"}}, response {@code {"time","time_ms","id","channel","event","error", "result"}}
 * with {@code result {"status":"success"}} for subscriptions, error codes 1 (invalid request body),
 * 2 (invalid argument), 3 (server side error); the {@code spot.pong} reply; the {@code spot.trades}
 * update with {@code id} (all-market id), {@code id_market} ("Continuous Growth within a Single
 * Market ID"), {@code create_time}, {@code create_time_ms}, {@code side} (taker), {@code
 * currency_pair}, {@code amount}, {@code price}, {@code range}.
 */
public final class GateProtocol implements VenueProtocol {

    static final String PATH = "/ws/v4/";

    private final VenueContext context;

    public GateProtocol(VenueContext context) {
        this.context = context;
    }

    @Override
    public VenueId venue() {
        return VenueId.GATEIO;
    }

    @Override
    public Optional<String> rejectHandshake(String resource, BooleanSupplier refuseSubscription) {
        String path = resource.split("\\?", 2)[0];
        return path.equals(PATH) || path.equals("/ws/v4")
                ? Optional.empty()
                : Optional.of("Unknown path " + resource);
    }

    @Override
    public ConnectionHandler open(Outbox out, String resource) {
        return new GateConnectionHandler(out, context);
    }

    @Override
    public Duration tickPeriod() {
        return Duration.ofSeconds(1);
    }
}
