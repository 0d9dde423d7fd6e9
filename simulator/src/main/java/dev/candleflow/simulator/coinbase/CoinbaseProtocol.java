package dev.candleflow.simulator.coinbase;

import dev.candleflow.simulator.venue.ConnectionHandler;
import dev.candleflow.simulator.venue.Outbox;
import dev.candleflow.simulator.venue.VenueContext;
import dev.candleflow.simulator.venue.VenueId;
import dev.candleflow.simulator.venue.VenueProtocol;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Coinbase Exchange WebSocket feed ({@code wss://ws-feed.exchange.coinbase.com}, path {@code /}):
 * the {@code matches} and {@code heartbeat} channels.
 *
 * <p>Relied on docs.cdp.coinbase.com: {@code /exchange/websocket-feed} ("you are disconnected if no
 * subscribe has been received within 5 seconds", error messages {@code {"type":"error",
 * "message":..}}, the {@code subscriptions} reply listing all channels), {@code
 * /exchange/websocket-feed/channels} (heartbeat "every second" with {@code sequence}, {@code
 * last_trade_id}, {@code product_id}, {@code time}), and {@code
 * /api-reference/exchange-api/rest-api/products/get-product-trades} ("The side of a trade indicates
 * the maker order side"). The {@code match}/{@code last_match} fields follow the frames recorded in
 * bmoscon/cryptofeed {@code sample_data/COINBASE.ws.28.0}.
 */
public final class CoinbaseProtocol implements VenueProtocol {

    static final Duration SUBSCRIBE_DEADLINE = Duration.ofSeconds(5);

    private final VenueContext context;
    private final Duration heartbeatInterval;

    public CoinbaseProtocol(VenueContext context, Duration heartbeatInterval) {
        this.context = context;
        this.heartbeatInterval = heartbeatInterval;
    }

    @Override
    public VenueId venue() {
        return VenueId.COINBASE;
    }

    @Override
    public Optional<String> rejectHandshake(String resource, BooleanSupplier refuseSubscription) {
        String path = resource.split("\\?", 2)[0];
        return path.isEmpty() || path.equals("/")
                ? Optional.empty()
                : Optional.of("Unknown path " + resource);
    }

    @Override
    public ConnectionHandler open(Outbox out, String resource) {
        return new CoinbaseConnectionHandler(out, context, heartbeatInterval);
    }

    @Override
    public Duration tickPeriod() {
        return Duration.ofMillis(Math.max(5, Math.min(100, heartbeatInterval.toMillis() / 4)));
    }
}
