package dev.candleflow.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * Venue-protocol timings, with the venues' documented values as defaults; tests shorten them.
 *
 * @param binancePingInterval Binance's server ping period (20 s)
 * @param binancePongTimeout Binance drops a client whose ping stays unanswered this long (60 s)
 * @param heartbeatInterval period of Coinbase's and Kraken's heartbeat messages (1 s)
 * @param okxIdleTimeout OKX closes a connection without subscription, client message or data for
 *     this long (30 s)
 */
public record ProtocolSettings(
        Duration binancePingInterval,
        Duration binancePongTimeout,
        Duration heartbeatInterval,
        Duration okxIdleTimeout) {

    public static final ProtocolSettings DEFAULTS =
            new ProtocolSettings(
                    Duration.ofSeconds(20),
                    Duration.ofSeconds(60),
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(30));

    public ProtocolSettings {
        check("binancePingInterval", binancePingInterval);
        check("binancePongTimeout", binancePongTimeout);
        check("heartbeatInterval", heartbeatInterval);
        check("okxIdleTimeout", okxIdleTimeout);
    }

    private static void check(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.toMillis() < 1) {
            throw new IllegalArgumentException(name + " must be >= 1 ms, was " + d);
        }
    }
}
