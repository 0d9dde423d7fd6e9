package dev.candleflow.simulator.venue;

import dev.candleflow.simulator.rest.RestHandler;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything needed to run one venue: who it is, what it lists, its transport settings, and how to
 * build its protocol and REST API once its history and clock exist.
 *
 * @param id the venue
 * @param listing its symbols
 * @param options its ports and capacities
 * @param protocol its WebSocket protocol
 * @param rest its REST API, if it has one for trades
 */
public record VenueSpec(
        VenueId id,
        VenueListing listing,
        VenueOptions options,
        Function<VenueContext, VenueProtocol> protocol,
        Function<VenueContext, Optional<RestHandler>> rest) {

    public VenueSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(listing, "listing");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(rest, "rest");
    }
}
