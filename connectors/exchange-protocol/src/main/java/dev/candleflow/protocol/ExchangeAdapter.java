package dev.candleflow.protocol;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Venue;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What candleflow needs to know about one venue's trade feed: where, how, and how to parse it. */
public interface ExchangeAdapter extends Serializable {

    Venue venue();

    /** The WebSocket URL for one connection carrying these instruments. */
    URI endpoint(List<InstrumentId> instruments);

    /** Messages to send after every (re)connect; empty when the URL already subscribes. */
    List<String> subscribeMessages(List<InstrumentId> instruments);

    /** A client-side heartbeat, for venues that expect the client to ping. */
    Optional<Heartbeat> heartbeat();

    /** Silence longer than this means the connection is dead, even if it was not closed. */
    Duration idleTimeout();

    /** How many instruments one connection may carry. */
    int maxInstrumentsPerConnection();

    /**
     * Parses one text frame. Pure, and never throws on venue data: anything unusable comes back as
     * {@link ParsedFrame.Malformed} with a reason.
     */
    ParsedFrame parse(String frame, long receivedAtMicros);

    /** What the sequence numbers of this venue's trades promise, for gap and duplicate checks. */
    SequencePolicy sequencePolicy();

    /** REST backfill of missed trades by sequence, where the venue offers it. */
    default Optional<TradeBackfill> backfill() {
        return Optional.empty();
    }
}
