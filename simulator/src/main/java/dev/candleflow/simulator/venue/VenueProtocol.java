package dev.candleflow.simulator.venue;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** One venue's WebSocket protocol: which URLs it accepts and how each connection behaves. */
public interface VenueProtocol {

    VenueId venue();

    /**
     * Checks a handshake's request target ({@code /ws/v5/public}).
     *
     * @param refuseSubscription consumes a subscription refusal, for venues that subscribe in the
     *     URL
     * @return why the handshake is rejected (HTTP 404), or empty to accept it
     */
    Optional<String> rejectHandshake(String resourceDescriptor, BooleanSupplier refuseSubscription);

    /** The handler of a new connection whose handshake was accepted. */
    ConnectionHandler open(Outbox out, String resourceDescriptor);

    /** How often {@link ConnectionHandler#onTick} should run. */
    default Duration tickPeriod() {
        return Duration.ofMillis(100);
    }
}
