package dev.candleflow.source.enumerator;

import dev.candleflow.source.split.ExchangeSplit;
import java.util.List;

/** The enumerator's checkpoint: the splits no reader holds. */
public record ExchangeEnumState(List<ExchangeSplit> unassigned) {
    public ExchangeEnumState {
        unassigned = List.copyOf(unassigned);
    }
}
