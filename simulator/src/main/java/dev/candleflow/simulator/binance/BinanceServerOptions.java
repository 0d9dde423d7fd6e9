package dev.candleflow.simulator.binance;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the Binance stream server.
 *
 * @param port TCP port on 127.0.0.1; 0 picks a free one
 * @param pingInterval how often the server pings each connection (Binance: 20 s)
 * @param pongTimeout how long a ping may stay unanswered before the drop (Binance: 60 s)
 * @param maxPendingFrames frames queued for one client before it counts as too slow and is dropped
 */
public record BinanceServerOptions(
        int port, Duration pingInterval, Duration pongTimeout, int maxPendingFrames) {

    public BinanceServerOptions {
        Objects.requireNonNull(pingInterval, "pingInterval");
        Objects.requireNonNull(pongTimeout, "pongTimeout");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be in 0..65535, was " + port);
        }
        if (pingInterval.toMillis() < 1) {
            throw new IllegalArgumentException("pingInterval must be >= 1 ms, was " + pingInterval);
        }
        if (pongTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("pongTimeout must be >= 1 ms, was " + pongTimeout);
        }
        if (maxPendingFrames < 1) {
            throw new IllegalArgumentException(
                    "maxPendingFrames must be >= 1, was " + maxPendingFrames);
        }
    }
}
