package dev.candleflow.source.split;

import dev.candleflow.model.InstrumentId;
import java.util.HashMap;
import java.util.Map;

/** A split being read: adds the mutable last sequence per instrument. Reader thread only. */
public final class ExchangeSplitState extends ExchangeSplit {

    private final Map<InstrumentId, Long> current;

    public ExchangeSplitState(ExchangeSplit split) {
        super(split.splitId(), split.venue(), split.instruments(), split.lastSequences());
        this.current = new HashMap<>(split.lastSequences());
    }

    /** The last sequence seen for an instrument, or null. */
    public Long lastSequence(InstrumentId instrument) {
        return current.get(instrument);
    }

    public void recordSequence(InstrumentId instrument, long sequence) {
        current.put(instrument, sequence);
    }

    @Override
    public Map<InstrumentId, Long> lastSequences() {
        return Map.copyOf(current);
    }

    /** An immutable snapshot for checkpoints. */
    public ExchangeSplit toSplit() {
        return new ExchangeSplit(splitId(), venue(), instruments(), current);
    }
}
