package dev.candleflow.source.enumerator;

import dev.candleflow.source.split.ExchangeSplit;
import java.util.List;
import java.util.Optional;

/**
 * The enumerator's checkpoint: the splits no reader holds, and the layout of every split (which
 * instruments each carries, wherever it is). Checkpoints written before the layout was recorded
 * (state version 1 and 2) restore without it.
 *
 * @param layout the memberships of all splits; null when restored from an older checkpoint
 */
public record ExchangeEnumState(List<ExchangeSplit> unassigned, List<ExchangeSplit> layout) {
    public ExchangeEnumState {
        unassigned = List.copyOf(unassigned);
        layout = layout == null ? null : List.copyOf(layout);
    }

    /** The recorded layout, if the checkpoint has one. */
    public Optional<SplitLayout> splitLayout() {
        return layout == null ? Optional.empty() : Optional.of(SplitLayout.of(layout));
    }
}
