package dev.candleflow.simulator.bybit;

import dev.candleflow.simulator.venue.ConnectionHandler;
import dev.candleflow.simulator.venue.Outbox;
import dev.candleflow.simulator.venue.VenueContext;
import dev.candleflow.simulator.venue.VenueId;
import dev.candleflow.simulator.venue.VenueProtocol;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Bybit v5 public spot stream ({@code /v5/public/spot}): {@code publicTrade.<symbol>} topics,
 * {@code {"op":"ping"}} heartbeats, and a cut after 10 minutes without ping-pong or data. Bybit
 * offers no REST trade history to backfill from (only the latest trades), so none is simulated.
 *
 * <p>Relied on bybit-exchange/docs (commit 072c197, 2026-07-24): {@code
 * docs/v5/websocket/wss-authentication.mdx} ("Connect": public spot URL, subscribe {@code
 * {"req_id":"test","op":"subscribe","args":[..]}}, the Public Spot ack {@code
 * {"success":true,"ret_msg":"subscribe","conn_id":..,"req_id":..,"op":"subscribe"}}, the spot pong
 * {@code {"success":true,"ret_msg":"pong","conn_id":..,"op":"ping"}}, "Spot can input up to 10 args
 * for each subscription request", the 10-minute cut) and {@code docs/v5/websocket/public/trade.mdx}
 * (frame {@code {"topic":"publicTrade.BTCUSDT","type":"snapshot","ts":..,"data":[{"T":..,"s":..,
 * "S":"Buy","v":..,"p":..,"i":<uuid>,"BT":false,"RPI":false,"seq":..}]}}, {@code L} only for
 * perpetuals). The failure reply {@code "ret_msg":"error:handler not found,topic:.."} is as quoted
 * in sieblyio/bybit-api#561.
 */
public final class BybitProtocol implements VenueProtocol {

    static final String PATH = "/v5/public/spot";
    static final Duration IDLE_CUT = Duration.ofMinutes(10);

    private final VenueContext context;

    public BybitProtocol(VenueContext context) {
        this.context = context;
    }

    @Override
    public VenueId venue() {
        return VenueId.BYBIT;
    }

    @Override
    public Optional<String> rejectHandshake(String resource, BooleanSupplier refuseSubscription) {
        String path = resource.split("\\?", 2)[0];
        return path.equals(PATH) ? Optional.empty() : Optional.of("Unknown path " + resource);
    }

    @Override
    public ConnectionHandler open(Outbox out, String resource) {
        return new BybitConnectionHandler(out, context);
    }

    @Override
    public Duration tickPeriod() {
        return Duration.ofSeconds(1);
    }
}
