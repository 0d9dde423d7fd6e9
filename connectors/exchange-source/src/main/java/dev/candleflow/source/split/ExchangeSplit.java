package dev.candleflow.source.split;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Venue;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * One WebSocket connection: a venue and a bounded group of its instruments, with the last trade
 * sequence seen per instrument when the split was checkpointed. Immutable.
 */
public class ExchangeSplit implements SourceSplit {

    private final String splitId;
    private final Venue venue;
    private final List<InstrumentId> instruments;
    private final Map<InstrumentId, Long> lastSequences;

    public ExchangeSplit(
            String splitId,
            Venue venue,
            List<InstrumentId> instruments,
            Map<InstrumentId, Long> lastSequences) {
        this.splitId = Objects.requireNonNull(splitId, "splitId");
        this.venue = Objects.requireNonNull(venue, "venue");
        this.instruments = List.copyOf(instruments);
        this.lastSequences = Map.copyOf(lastSequences);
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

    @Override
    public boolean equals(Object o) {
        return o instanceof ExchangeSplit s
                && splitId.equals(s.splitId)
                && venue == s.venue
                && instruments.equals(s.instruments)
                && lastSequences.equals(s.lastSequences());
    }

    @Override
    public int hashCode() {
        return Objects.hash(splitId, venue, instruments, lastSequences);
    }

    @Override
    public String toString() {
        return "ExchangeSplit{" + splitId + ", " + instruments + ", last=" + lastSequences + "}";
    }
}
