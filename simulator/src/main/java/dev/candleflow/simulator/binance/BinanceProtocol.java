package dev.candleflow.simulator.binance;

import dev.candleflow.simulator.venue.ConnectionHandler;
import dev.candleflow.simulator.venue.Outbox;
import dev.candleflow.simulator.venue.VenueId;
import dev.candleflow.simulator.venue.VenueProtocol;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Binance spot's stream protocol: raw ({@code /ws/<stream>}) and combined ({@code
 * /stream?streams=..}) connections, the JSON control protocol, server pings with a pong timeout,
 * and the {@code serverShutdown} notice.
 *
 * <p>Relied on binance/binance-spot-api-docs {@code web-socket-streams.md} (commit a5e0bc3,
 * 2026-07-21): URL forms and the {@code {"stream":..,"data":..}} wrapper, lower-case stream names,
 * "a ping frame every 20 seconds ... disconnected" without a pong "within a minute", "only valid
 * for 24 hours", the {@code serverShutdown} event (raw and combined forms), SUBSCRIBE acks {@code
 * {"result":null,"id":1}} and the error codes; the {@code <symbol>@trade} payload {@code
 * {"e":"trade","E":..,"s":..,"t":..,"p":..,"q":..,"T":..,"m":..,"M":true}}.
 */
public final class BinanceProtocol implements VenueProtocol {

    private static final long MIN_TICK_MILLIS = 5L;
    private static final long MAX_TICK_MILLIS = 250L;

    private final Duration pingInterval;
    private final Duration pongTimeout;

    public BinanceProtocol(Duration pingInterval, Duration pongTimeout) {
        this.pingInterval = Objects.requireNonNull(pingInterval, "pingInterval");
        this.pongTimeout = Objects.requireNonNull(pongTimeout, "pongTimeout");
    }

    @Override
    public VenueId venue() {
        return VenueId.BINANCE;
    }

    @Override
    public Optional<String> rejectHandshake(String resource, BooleanSupplier refuseSubscription) {
        Optional<BinanceStreamPath> path = BinanceStreamPath.parse(resource);
        if (path.isEmpty()) {
            return Optional.of("Unknown path " + resource);
        }
        // A URL that subscribes is the subscription request; refusing it refuses the handshake.
        if (!path.get().streams().isEmpty() && refuseSubscription.getAsBoolean()) {
            return Optional.of("Subscription refused for " + resource);
        }
        return Optional.empty();
    }

    @Override
    public ConnectionHandler open(Outbox out, String resource) {
        BinanceStreamPath path =
                BinanceStreamPath.parse(resource)
                        .orElseThrow(
                                () -> new IllegalStateException("handshake accepted " + resource));
        HeartbeatState heartbeat =
                new HeartbeatState(
                        out.openedNanos(), pingInterval.toNanos(), pongTimeout.toNanos());
        return new BinanceConnectionHandler(out, path, heartbeat);
    }

    @Override
    public Duration tickPeriod() {
        // A quarter of the shorter period keeps pings and drops within 25% of their due time.
        long shorter = Math.min(pingInterval.toMillis(), pongTimeout.toMillis());
        return Duration.ofMillis(Math.max(MIN_TICK_MILLIS, Math.min(MAX_TICK_MILLIS, shorter / 4)));
    }
}
