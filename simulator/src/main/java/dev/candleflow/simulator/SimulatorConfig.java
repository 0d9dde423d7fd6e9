package dev.candleflow.simulator;

import dev.candleflow.simulator.binance.BinanceServerOptions;
import dev.candleflow.simulator.market.MarketConfig;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Validated simulator settings; exactly one of {@code market} and {@code replay} is present.
 *
 * @param market the generated market, unless replaying
 * @param replay the capture to replay, unless generating
 * @param server WebSocket server settings
 * @param startOnFirstSubscription start the feed on the first subscription instead of at start()
 * @param recordCapacity how many published trades {@link BinanceSimulator#publishedTrades()} keeps
 */
record SimulatorConfig(
        Optional<MarketConfig> market,
        Optional<ReplaySource> replay,
        BinanceServerOptions server,
        boolean startOnFirstSubscription,
        int recordCapacity) {

    SimulatorConfig {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(replay, "replay");
        Objects.requireNonNull(server, "server");
        if (market.isPresent() == replay.isPresent()) {
            throw new IllegalArgumentException("exactly one of market and replay must be set");
        }
    }

    /**
     * A capture file and its pace.
     *
     * @param file one recorded frame per line
     * @param speed recorded seconds per wall second, or {@link BinanceSimulator#REPLAY_FULL_SPEED}
     */
    record ReplaySource(Path file, double speed) {}
}
