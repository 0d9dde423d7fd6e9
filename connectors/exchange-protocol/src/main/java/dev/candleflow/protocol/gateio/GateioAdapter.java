package dev.candleflow.protocol.gateio;

import com.fasterxml.jackson.core.JsonToken;
import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Venue;
import dev.candleflow.protocol.ExchangeAdapter;
import dev.candleflow.protocol.Heartbeat;
import dev.candleflow.protocol.JsonFrames;
import dev.candleflow.protocol.MalformedReason;
import dev.candleflow.protocol.ParsedFrame;
import dev.candleflow.protocol.ParsedFrame.Control;
import dev.candleflow.protocol.ParsedFrame.ControlKind;
import dev.candleflow.protocol.SequencePolicy;
import dev.candleflow.protocol.SubscribeBatches;
import dev.candleflow.protocol.TradeBackfill;
import dev.candleflow.protocol.TradeChecks;
import dev.candleflow.protocol.VenueEndpoints;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Gate.io spot WebSocket v4 {@code spot.trades} channel.
 *
 * <p>Trade {@code id}s are exchange-wide (one pair sees 816995970, 816995982, 816996982, ...):
 * duplicates are exact, gaps invisible, so {@link SequencePolicy#MONOTONIC}; the REST API pages by
 * the same id, which makes the backfill exact. Gate.io added a per-market {@code id_market} in
 * 2025, but REST cannot page by it, so it is not used.
 *
 * <p>Requests carry a {@code time} that must be within 60 s of the server's, so messages are
 * stamped from the adapter's clock each time they are built (on every connect).
 */
public final class GateioAdapter implements ExchangeAdapter {

    private static final long serialVersionUID = 1L;

    // Sources (docs corpus copy of gate.com/docs/developers/apiv4/ws/zh_CN, updated 2026-05):
    //  - wss://api.gateio.ws/ws/v4/; requests {"time","channel","event","payload"}, time within
    //    60 s of server time; errors {"error":{"code","message"}}; subscribe result
    //    {"status":"success"}.
    //  - spot.trades: id, create_time (s), create_time_ms (ms with fraction, a string), side,
    //    currency_pair, amount, price, range, id_market; "only the taker side is notified".
    //  - spot.ping / spot.pong: optional (the server pings at protocol level) but resets the
    //    server's timeout; {"type":"upgrade","msg":...} asks clients to reconnect.
    //  - repo gateio/gateapi-python docs/SpotApi.md list_trades: last_id + reverse=false scroll
    //    forward, limit <= 1000.
    //  - cryptofeed GATEIO.ws.1.0 (2021 recording): NEO_BTC ids 816995970, 816995982, 816996982.
    //  Per-connection limits: not documented; 100 pairs is our choice.
    public static final URI LIVE_ENDPOINT = URI.create("wss://api.gateio.ws");
    public static final URI LIVE_REST_ENDPOINT = URI.create("https://api.gateio.ws");
    static final String PATH = "/ws/v4/";
    static final String CHANNEL = "spot.trades";
    static final int MAX_PAIRS_PER_REQUEST = 50;
    static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(15);

    /** Three pings without a pong. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(45);

    static final int MAX_INSTRUMENTS_PER_CONNECTION = 100;

    private final URI webSocketBase;
    private final URI restBase;
    private final Clock clock;

    public GateioAdapter() {
        this(LIVE_ENDPOINT, LIVE_REST_ENDPOINT);
    }

    /** An adapter for Gate.io-compatible endpoints, such as the simulator. */
    public GateioAdapter(URI webSocketBase, URI restBase) {
        this(webSocketBase, restBase, Clock.systemUTC());
    }

    /** As above, with the clock that stamps requests (fixed in tests). */
    public GateioAdapter(URI webSocketBase, URI restBase, Clock clock) {
        this.webSocketBase = Objects.requireNonNull(webSocketBase, "webSocketBase");
        this.restBase = Objects.requireNonNull(restBase, "restBase");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Venue venue() {
        return Venue.GATEIO;
    }

    @Override
    public URI endpoint(List<InstrumentId> instruments) {
        return VenueEndpoints.resolve(webSocketBase, PATH);
    }

    @Override
    public List<String> subscribeMessages(List<InstrumentId> instruments) {
        long now = clock.instant().getEpochSecond();
        List<String> pairs = instruments.stream().map(GateioTrades::pair).toList();
        return SubscribeBatches.byCount(pairs, MAX_PAIRS_PER_REQUEST).stream()
                .map(
                        batch ->
                                "{\"time\":"
                                        + now
                                        + ",\"channel\":\""
                                        + CHANNEL
                                        + "\",\"event\":\"subscribe\",\"payload\":"
                                        + SubscribeBatches.jsonArray(batch)
                                        + "}")
                .toList();
    }

    /**
     * A {@code spot.ping} stamped at connect time. Later pings repeat that stamp; should Gate.io
     * reject a stale one, its error still arrives on {@code spot.pong}, which proves the connection
     * alive all the same.
     */
    @Override
    public Optional<Heartbeat> heartbeat() {
        long now = clock.instant().getEpochSecond();
        String ping = "{\"time\":" + now + ",\"channel\":\"spot.ping\"}";
        return Optional.of(new Heartbeat(ping, HEARTBEAT_INTERVAL));
    }

    @Override
    public Duration idleTimeout() {
        return IDLE_TIMEOUT;
    }

    @Override
    public int maxInstrumentsPerConnection() {
        return MAX_INSTRUMENTS_PER_CONNECTION;
    }

    @Override
    public SequencePolicy sequencePolicy() {
        return SequencePolicy.MONOTONIC;
    }

    @Override
    public Optional<TradeBackfill> backfill() {
        return Optional.of(new GateioBackfill(restBase));
    }

    /**
     * Parses one frame, for example {@code {"time":1606292218,"channel":"spot.trades","event":
     * "update","result":{"id":309143071,"create_time":1606292218,"create_time_ms":
     * "1606292218213.4578","side":"sell","currency_pair":"GT_USDT","amount":"16.4700000000",
     * "price":"0.4705000000","range":"2390902-2390902","id_market":917144}}}.
     */
    @Override
    public ParsedFrame parse(String frame, long receivedAtMicros) {
        JsonFrames.Decoded<GateioMessage> d =
                JsonFrames.decode(frame, JsonToken.START_OBJECT, GateioMessage::read);
        if (!d.ok()) {
            return d.problem();
        }
        GateioMessage m = d.value();
        if (m.type != null) {
            return "upgrade".equals(m.type)
                    ? new Control(ControlKind.RECONNECT, "upgrade: " + JsonFrames.cut(m.msg))
                    : new ParsedFrame.Ignored("notice " + JsonFrames.cut(m.type));
        }
        if (m.channel == null) {
            return MalformedReason.UNKNOWN_MESSAGE.of("no channel");
        }
        return switch (m.channel) {
            case "spot.pong" -> new Control(ControlKind.HEARTBEAT, "spot.pong");
            case CHANNEL -> trades(m, receivedAtMicros);
            default ->
                    m.error != null
                            ? new Control(ControlKind.ERROR, m.channel + ": " + m.error)
                            : MalformedReason.UNKNOWN_EVENT.of(
                                    "channel '" + JsonFrames.cut(m.channel) + "'");
        };
    }

    private static ParsedFrame trades(GateioMessage m, long receivedAtMicros) {
        if (m.error != null) {
            return new Control(ControlKind.ERROR, m.event + " " + CHANNEL + ": " + m.error);
        }
        if (m.event == null) {
            return TradeChecks.missing("event");
        }
        return switch (m.event) {
            case "subscribe" -> new Control(ControlKind.SUBSCRIBED, CHANNEL);
            case "unsubscribe" -> new ParsedFrame.Ignored(m.event);
            case "update" ->
                    TradeChecks.collect(
                            List.of(GateioTrades.toTrade(m, m.currencyPair, receivedAtMicros)));
            default -> MalformedReason.UNKNOWN_EVENT.of("event '" + JsonFrames.cut(m.event) + "'");
        };
    }
}
