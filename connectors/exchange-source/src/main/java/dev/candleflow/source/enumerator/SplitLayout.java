package dev.candleflow.source.enumerator;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Venue;
import dev.candleflow.source.split.ExchangeSplit;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Which instruments each connection split carries. A fresh job groups each venue's instruments in
 * configuration order; after a restore the groups are kept, because readers restore their splits
 * (with the last trade id per instrument) from their own state and FLIP-27 cannot move an
 * instrument's state from one reader to another:
 *
 * <ul>
 *   <li>an instrument no longer configured leaves its split ({@link #narrow}, applied the same way
 *       by the enumerator to its splits and by each reader to the splits it restores); a split left
 *       with none is dropped;
 *   <li>instruments (and venues) configured since get new splits of their own, with ids no split of
 *       the restored layout has, so they never collide with a split a reader restores.
 * </ul>
 *
 * <p>Immutable; the splits it lists carry no sequence state (only membership).
 */
public final class SplitLayout {

    private final Map<String, ExchangeSplit> splits;

    private SplitLayout(Map<String, ExchangeSplit> splits) {
        this.splits = splits;
    }

    /** The layout of a fresh job: each venue's instruments in groups of {@code groupSize}. */
    public static SplitLayout plan(
            Map<Venue, List<InstrumentId>> subscriptions, ToIntFunction<Venue> groupSize) {
        return new SplitLayout(new LinkedHashMap<>())
                .withNewSplits(subscriptions, groupSize, Set.of());
    }

    /** A layout as checkpointed by an enumerator. */
    public static SplitLayout of(List<ExchangeSplit> memberships) {
        Map<String, ExchangeSplit> m = new LinkedHashMap<>();
        for (ExchangeSplit s : memberships) {
            if (m.put(s.splitId(), membership(s)) != null) {
                throw new IllegalArgumentException("duplicate split id " + s.splitId());
            }
        }
        return new SplitLayout(m);
    }

    /**
     * This (restored) layout brought to a configuration: splits narrowed to the instruments still
     * configured, empty ones dropped, and new splits for instruments no split carries.
     */
    public SplitLayout reconcile(
            Map<Venue, List<InstrumentId>> subscriptions, ToIntFunction<Venue> groupSize) {
        Map<String, ExchangeSplit> kept = new LinkedHashMap<>();
        for (ExchangeSplit s : splits.values()) {
            narrow(s, subscriptions).ifPresent(n -> kept.put(n.splitId(), n));
        }
        // A dropped split's id stays taken: a reader may still restore that split (and drop it).
        return new SplitLayout(kept).withNewSplits(subscriptions, groupSize, splits.keySet());
    }

    /**
     * A split restricted to the instruments the configuration still has, with their sequence state;
     * empty when none is left (or its venue is gone).
     */
    public static Optional<ExchangeSplit> narrow(
            ExchangeSplit split, Map<Venue, ? extends Collection<InstrumentId>> subscriptions) {
        Collection<InstrumentId> configured = subscriptions.get(split.venue());
        if (configured == null) {
            return Optional.empty();
        }
        Set<InstrumentId> wanted = new HashSet<>(configured);
        if (wanted.containsAll(split.instruments())) {
            return Optional.of(split);
        }
        List<InstrumentId> instruments =
                split.instruments().stream().filter(wanted::contains).toList();
        if (instruments.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new ExchangeSplit(
                        split.splitId(),
                        split.venue(),
                        instruments,
                        retain(split.lastSequences(), wanted),
                        retain(split.lastEventTimes(), wanted)));
    }

    /** The splits, in creation order, without sequence state. */
    public List<ExchangeSplit> splits() {
        return List.copyOf(splits.values());
    }

    public boolean contains(String splitId) {
        return splits.containsKey(splitId);
    }

    /** The splits of this layout that {@code before} does not have. */
    public List<ExchangeSplit> addedSince(SplitLayout before) {
        return splits.values().stream().filter(s -> !before.contains(s.splitId())).toList();
    }

    private SplitLayout withNewSplits(
            Map<Venue, List<InstrumentId>> subscriptions,
            ToIntFunction<Venue> groupSize,
            Set<String> reserved) {
        Map<String, ExchangeSplit> out = new LinkedHashMap<>(splits);
        Set<String> covered = new HashSet<>();
        splits.values().forEach(s -> s.instruments().forEach(i -> covered.add(key(s.venue(), i))));
        subscriptions.forEach(
                (venue, instruments) -> {
                    List<InstrumentId> uncovered =
                            instruments.stream().filter(i -> covered.add(key(venue, i))).toList();
                    int size = groupSize.applyAsInt(venue);
                    if (size < 1) {
                        throw new IllegalArgumentException("group size for " + venue + ": " + size);
                    }
                    int n = 0;
                    for (int from = 0; from < uncovered.size(); from += size) {
                        while (out.containsKey(venue.id() + "-" + n)
                                || reserved.contains(venue.id() + "-" + n)) {
                            n++;
                        }
                        String id = venue.id() + "-" + n;
                        out.put(
                                id,
                                new ExchangeSplit(
                                        id,
                                        venue,
                                        uncovered.subList(
                                                from, Math.min(uncovered.size(), from + size)),
                                        Map.of()));
                    }
                });
        return new SplitLayout(out);
    }

    private static ExchangeSplit membership(ExchangeSplit s) {
        return s.lastSequences().isEmpty() && s.lastEventTimes().isEmpty()
                ? s
                : new ExchangeSplit(s.splitId(), s.venue(), s.instruments(), Map.of());
    }

    private static Map<InstrumentId, Long> retain(
            Map<InstrumentId, Long> map, Set<InstrumentId> wanted) {
        Map<InstrumentId, Long> out = new LinkedHashMap<>();
        map.forEach(
                (k, v) -> {
                    if (wanted.contains(k)) {
                        out.put(k, v);
                    }
                });
        return out;
    }

    private static String key(Venue venue, InstrumentId instrument) {
        return venue.id() + "|" + instrument;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SplitLayout l && splits().equals(l.splits());
    }

    @Override
    public int hashCode() {
        return splits().hashCode();
    }

    @Override
    public String toString() {
        return "SplitLayout" + splits.values();
    }
}
