package dev.candleflow.simulator;

import dev.candleflow.simulator.fault.FaultPlan;
import dev.candleflow.simulator.market.MarketConfig;
import dev.candleflow.simulator.venue.VenueId;
import dev.candleflow.simulator.venue.VenueOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Validated settings of a {@link MarketSimulator}; exactly one of {@code market} and {@code replay}
 * is present, and a replay serves Binance alone.
 *
 * @param market the generated market, unless replaying
 * @param replay a recorded Binance capture, unless generating
 * @param venues the venues, in tie-break order
 * @param basis each venue's relative price offset from the underlying
 * @param faultPlans each venue's scheduled faults
 * @param options each venue's ports and capacities
 * @param protocols protocol timings
 * @param tradeIdBase first trade id of every symbol, if fixed (otherwise drawn from the seed)
 * @param startOnFirstSubscription open the market on the first subscription instead of at start()
 */
record MarketSimulatorConfig(
        Optional<MarketConfig> market,
        Optional<ReplaySource> replay,
        List<VenueId> venues,
        Map<VenueId, Double> basis,
        Map<VenueId, FaultPlan> faultPlans,
        Map<VenueId, VenueOptions> options,
        ProtocolSettings protocols,
        OptionalLong tradeIdBase,
        boolean startOnFirstSubscription) {

    MarketSimulatorConfig {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(replay, "replay");
        venues = List.copyOf(venues);
        basis = Map.copyOf(basis);
        faultPlans = Map.copyOf(faultPlans);
        options = Map.copyOf(options);
        Objects.requireNonNull(protocols, "protocols");
        Objects.requireNonNull(tradeIdBase, "tradeIdBase");
        if (market.isPresent() == replay.isPresent()) {
            throw new IllegalArgumentException("exactly one of market and replay must be set");
        }
        if (venues.isEmpty()) {
            throw new IllegalArgumentException("at least one venue is required");
        }
        if (replay.isPresent() && !venues.equals(List.of(VenueId.BINANCE))) {
            throw new IllegalArgumentException("a replay serves Binance alone, not " + venues);
        }
        for (VenueId v : venues) {
            if (!basis.containsKey(v) || !faultPlans.containsKey(v) || !options.containsKey(v)) {
                throw new IllegalArgumentException("incomplete settings for " + v);
            }
        }
    }

    /**
     * A Binance capture file and its pace.
     *
     * @param file one recorded frame per line
     * @param speed recorded seconds per wall second, or {@code Double.POSITIVE_INFINITY}
     */
    record ReplaySource(Path file, double speed) {}
}
