package dev.candleflow.simulator;

import dev.candleflow.simulator.binance.BinanceServerOptions;
import dev.candleflow.simulator.fault.FaultPlan;
import dev.candleflow.simulator.market.MarketConfig;
import dev.candleflow.simulator.venue.VenueId;
import dev.candleflow.simulator.venue.VenueOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Validated settings of a {@link BinanceSimulator}; exactly one of {@code market} and {@code
 * replay} is present.
 *
 * @param market the generated market, unless replaying
 * @param replay the capture to replay, unless generating
 * @param server WebSocket server settings
 * @param startOnFirstSubscription start the feed on the first subscription instead of at start()
 * @param recordCapacity how many published trades {@link BinanceSimulator#publishedTrades()} keeps
 * @param restPort REST port on 127.0.0.1; 0 picks a free one
 * @param historyCapacity trades per symbol the REST API still serves
 * @param maxConnectionAge connections are closed at this age (Binance: 24 h)
 * @param faultPlan faults the venue injects by itself
 * @param tradeIdBase first trade id of every symbol, if fixed
 */
record SimulatorConfig(
        Optional<MarketConfig> market,
        Optional<MarketSimulatorConfig.ReplaySource> replay,
        BinanceServerOptions server,
        boolean startOnFirstSubscription,
        int recordCapacity,
        int restPort,
        int historyCapacity,
        Optional<Duration> maxConnectionAge,
        FaultPlan faultPlan,
        OptionalLong tradeIdBase) {

    SimulatorConfig {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(replay, "replay");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(maxConnectionAge, "maxConnectionAge");
        Objects.requireNonNull(faultPlan, "faultPlan");
        Objects.requireNonNull(tradeIdBase, "tradeIdBase");
        if (market.isPresent() == replay.isPresent()) {
            throw new IllegalArgumentException("exactly one of market and replay must be set");
        }
    }

    /** The venue's transport settings. */
    VenueOptions venueOptions() {
        return new VenueOptions(
                server.port(),
                restPort,
                server.maxPendingFrames(),
                maxConnectionAge,
                historyCapacity,
                recordCapacity);
    }

    /** The same settings for a Binance-only {@link MarketSimulator}. */
    MarketSimulatorConfig toMarketSimulator() {
        return new MarketSimulatorConfig(
                market,
                replay,
                List.of(VenueId.BINANCE),
                Map.of(VenueId.BINANCE, 0.0),
                Map.of(VenueId.BINANCE, faultPlan),
                Map.of(VenueId.BINANCE, venueOptions()),
                new ProtocolSettings(
                        server.pingInterval(),
                        server.pongTimeout(),
                        ProtocolSettings.DEFAULTS.heartbeatInterval(),
                        ProtocolSettings.DEFAULTS.okxIdleTimeout()),
                tradeIdBase,
                startOnFirstSubscription);
    }
}
