package dev.candleflow.protocol;

import dev.candleflow.model.InstrumentId;
import java.io.Serializable;

/**
 * Fetches trades a connection missed over the venue's REST API, by sequence. Pure: builds requests
 * and parses responses; the source does the I/O, paging and dedupe.
 */
public interface TradeBackfill extends Serializable {

    /** The most trades one request may ask for. */
    int maxLimit();

    /**
     * A GET for the trades of {@code instrument} whose sequence lies in {@code [fromSequence,
     * fromSequence + limit)}. The response may hold trades outside that range (the caller keeps
     * what it needs) and fewer than asked when the venue no longer has them.
     */
    BackfillRequest request(InstrumentId instrument, long fromSequence, int limit);

    /**
     * Parses a response body into trades, in any order. Never throws: an unusable body comes back
     * as {@link ParsedFrame.Malformed}.
     */
    ParsedFrame parse(String body, InstrumentId instrument, long receivedAtMicros);
}
