package dev.candleflow.source.split;

import dev.candleflow.model.InstrumentId;
import java.util.HashMap;
import java.util.Map;

/**
 * A split being read: adds the mutable last sequence (and its event time) per instrument. Task
 * thread only.
 */
public final class ExchangeSplitState extends ExchangeSplit {

    private final Map<InstrumentId, Long> current;
    private final Map<InstrumentId, Long> currentTimes;

    public ExchangeSplitState(ExchangeSplit split) {
        super(
                split.splitId(),
                split.venue(),
                split.instruments(),
                split.lastSequences(),
                split.lastEventTimes());
        this.current = new HashMap<>(split.lastSequences());
        this.currentTimes = new HashMap<>(split.lastEventTimes());
    }

    /** The last sequence seen for an instrument, or null. */
    public Long lastSequence(InstrumentId instrument) {
        return current.get(instrument);
    }

    /** Records the newest trade handed on for an instrument. */
    public void recordTrade(InstrumentId instrument, long sequence, long eventTimeMicros) {
        current.put(instrument, sequence);
        currentTimes.put(instrument, eventTimeMicros);
    }

    @Override
    public Map<InstrumentId, Long> lastSequences() {
        return Map.copyOf(current);
    }

    @Override
    public Map<InstrumentId, Long> lastEventTimes() {
        return Map.copyOf(currentTimes);
    }

    /** An immutable snapshot for checkpoints. */
    public ExchangeSplit toSplit() {
        return new ExchangeSplit(splitId(), venue(), instruments(), current, currentTimes);
    }
}
