package dev.candleflow.source.split;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Venue;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * One WebSocket connection: a venue and a bounded group of its instruments, with the last trade
 * sequence (and that trade's event time) per instrument when the split was checkpointed. Immutable.
 */
public class ExchangeSplit implements SourceSplit {

    private final String splitId;
    private final Venue venue;
    private final List<InstrumentId> instruments;
    private final Map<InstrumentId, Long> lastSequences;
    private final Map<InstrumentId, Long> lastEventTimes;

    public ExchangeSplit(
            String splitId,
            Venue venue,
            List<InstrumentId> instruments,
            Map<InstrumentId, Long> lastSequences) {
        this(splitId, venue, instruments, lastSequences, Map.of());
    }

    public ExchangeSplit(
            String splitId,
            Venue venue,
            List<InstrumentId> instruments,
            Map<InstrumentId, Long> lastSequences,
            Map<InstrumentId, Long> lastEventTimes) {
        this.splitId = Objects.requireNonNull(splitId, "splitId");
        this.venue = Objects.requireNonNull(venue, "venue");
        this.instruments = List.copyOf(instruments);
        this.lastSequences = Map.copyOf(lastSequences);
        this.lastEventTimes = Map.copyOf(lastEventTimes);
        if (this.instruments.isEmpty()) {
            throw new IllegalArgumentException("split " + splitId + " has no instruments");
        }
    }

    @Override
    public String splitId() {
        return splitId;
    }

    public Venue venue() {
        return venue;
    }

    public List<InstrumentId> instruments() {
        return instruments;
    }

    /** Last sequence seen per instrument; absent for instruments not seen yet. */
    public Map<InstrumentId, Long> lastSequences() {
        return lastSequences;
    }

    /** Event time (µs) of the trade with the last sequence; absent where unknown. */
    public Map<InstrumentId, Long> lastEventTimes() {
        return lastEventTimes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExchangeSplit s
                && splitId.equals(s.splitId)
                && venue == s.venue
                && instruments.equals(s.instruments)
                && lastSequences().equals(s.lastSequences())
                && lastEventTimes().equals(s.lastEventTimes());
    }

    @Override
    public int hashCode() {
        return Objects.hash(splitId, venue, instruments, lastSequences(), lastEventTimes());
    }

    @Override
    public String toString() {
        return "ExchangeSplit{" + splitId + ", " + instruments + ", last=" + lastSequences() + "}";
    }
}
