package dev.candleflow.simulator.okx;

import dev.candleflow.simulator.venue.ConnectionHandler;
import dev.candleflow.simulator.venue.Outbox;
import dev.candleflow.simulator.venue.VenueContext;
import dev.candleflow.simulator.venue.VenueId;
import dev.candleflow.simulator.venue.VenueProtocol;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * OKX v5 WebSocket: the {@code trades} channel on {@code /ws/v5/public} and the unaggregated {@code
 * trades-all} channel on {@code /ws/v5/business} (here every trade is its own fill, so both carry
 * one trade per message), text {@code ping}/{@code pong}, the 30-second rule, and the {@code 64008}
 * upgrade notice.
 *
 * <p>Relied on the OKX v5 docs ({@code https://www.okx.com/docs-v5/en/}, as mirrored in
 * rosssaunders/coincise {@code docs/okx/overview.md}, commit a00ae58, 2025-11-30): subscribe
 * request and return parameters ({@code event} {@code subscribe}/{@code error}, {@code arg}, {@code
 * code}, {@code msg}, {@code connId}), "The connection will break automatically if the subscription
 * is not established or data has not been pushed for more than 30 seconds", the {@code
 * 'ping'}/{@code 'pong'} strings, the {@code event=notice} message; error codes from {@code
 * docs/okx/error_code.md} (60012 Invalid request, 60014 Requests too frequent, 60018 Wrong URL or
 * channel doesn't exist, 64008 service upgrade). The trade item {@code {"instId","tradeId","px",
 * "sz","side","ts","count","source","seqId"}} follows the recorded frame in bmoscon/cryptofeed
 * {@code sample_data/OKX.ws.1.0} plus the newer {@code count}/{@code source}/{@code seqId} fields.
 */
public final class OkxProtocol implements VenueProtocol {

    static final String PATH = "/ws/v5/public";
    static final String BUSINESS_PATH = "/ws/v5/business";

    private final VenueContext context;
    private final Duration idleTimeout;

    /**
     * @param idleTimeout OKX's 30 s: a connection with no client message and no data this long is
     *     cut
     */
    public OkxProtocol(VenueContext context, Duration idleTimeout) {
        this.context = context;
        this.idleTimeout = idleTimeout;
    }

    @Override
    public VenueId venue() {
        return VenueId.OKX;
    }

    @Override
    public Optional<String> rejectHandshake(String resource, BooleanSupplier refuseSubscription) {
        String path = resource.split("\\?", 2)[0];
        return path.equals(PATH) || path.equals(BUSINESS_PATH)
                ? Optional.empty()
                : Optional.of("Unknown path " + resource);
    }

    @Override
    public ConnectionHandler open(Outbox out, String resource) {
        boolean business = resource.split("\\?", 2)[0].equals(BUSINESS_PATH);
        return new OkxConnectionHandler(
                out,
                context,
                idleTimeout,
                business ? OkxConnectionHandler.ALL_TRADES : OkxConnectionHandler.TRADES);
    }

    @Override
    public Duration tickPeriod() {
        return Duration.ofMillis(Math.max(5, Math.min(250, idleTimeout.toMillis() / 4)));
    }
}
