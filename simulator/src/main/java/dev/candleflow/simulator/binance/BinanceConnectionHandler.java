package dev.candleflow.simulator.binance;

import dev.candleflow.simulator.venue.ConnectionHandler;
import dev.candleflow.simulator.venue.Outbox;
import dev.candleflow.simulator.venue.VenueTrade;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Binance stream connection: its streams and wrapping, its control requests and Binance's
 * ping/pong policy.
 */
final class BinanceConnectionHandler implements ConnectionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(BinanceConnectionHandler.class);
    private static final String SHUTDOWN_STREAM = "!serverShutdown";

    private final Outbox out;
    private final BinanceStreamPath path;
    private final StreamSubscriptions subscriptions;
    private final HeartbeatState heartbeat;
    private final BinanceRequestHandler requests = new BinanceRequestHandler();

    BinanceConnectionHandler(Outbox out, BinanceStreamPath path, HeartbeatState heartbeat) {
        this.out = out;
        this.path = path;
        this.subscriptions = new StreamSubscriptions(path.combined());
        this.subscriptions.subscribe(path.streams());
        this.heartbeat = heartbeat;
    }

    @Override
    public void onOpen() {
        if (!path.streams().isEmpty()) {
            out.subscribed();
        }
    }

    @Override
    public void onText(String text) {
        BinanceRequestHandler.Reply reply =
                requests.handle(text, subscriptions, out::refuseSubscription);
        out.send(reply.json());
        if (reply.subscribed()) {
            out.subscribed();
        }
    }

    @Override
    public void onPong() {
        heartbeat.pongReceived();
    }

    @Override
    public Optional<String> tradeFrame(VenueTrade trade) {
        String stream = BinanceTradeJson.streamName(trade.symbol());
        if (!subscriptions.contains(stream)) {
            return Optional.empty();
        }
        String payload = BinanceTradeJson.payload(trade);
        return Optional.of(
                subscriptions.combined() ? BinanceTradeJson.wrap(stream, payload) : payload);
    }

    @Override
    public Optional<String> routedFrame(String stream, String payload) {
        if (!subscriptions.contains(stream)) {
            return Optional.empty();
        }
        return Optional.of(
                subscriptions.combined() ? BinanceTradeJson.wrap(stream, payload) : payload);
    }

    @Override
    public void onTick(long nowNanos) {
        switch (heartbeat.tick(nowNanos)) {
            case PING -> out.sendPing();
            case DROP -> {
                LOG.info("Dropping a Binance client: no pong within the timeout");
                out.drop("Pong timeout");
            }
            case NONE -> {}
        }
    }

    @Override
    public Optional<String> reconnectNotice() {
        String payload =
                "{\"e\":\"serverShutdown\",\"E\":" + Math.floorDiv(out.nowMicros(), 1000L) + "}";
        return Optional.of(
                subscriptions.combined()
                        ? BinanceTradeJson.wrap(SHUTDOWN_STREAM, payload)
                        : payload);
    }
}
