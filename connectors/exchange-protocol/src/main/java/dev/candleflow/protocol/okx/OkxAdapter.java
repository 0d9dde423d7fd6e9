package dev.candleflow.protocol.okx;

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
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * OKX API v5 public trades, one trade per message on the {@code trades-all} channel.
 *
 * <p>Why {@code trades-all} and not {@code trades}: since OKX aggregates the {@code trades} channel
 * ("one message per taker order, filled price, source"; {@code tradeId} is the last id of {@code
 * count} fills), its ids jump by {@code count}, which would read as gaps, and an aggregated live
 * trade could overlap individual trades fetched by the REST backfill. {@code trades-all} pushes
 * every fill with its own id, so ids are contiguous per instrument.
 */
public final class OkxAdapter implements ExchangeAdapter {

    private static final long serialVersionUID = 1L;

    // Sources (docs corpus, OKX docs-v5 copies updated 2026-07/08):
    //  - "WS / All trades channel": URL path /ws/v5/business, {"op":"subscribe","args":[{"channel":
    //    "trades-all","instId":"BTC-USDT"}]}, one trade per update, side = trade direction.
    //  - "WS / Trades channel": aggregation by taker order; tradeId = last id, count = fills, so
    //    tradeId=123,count=3 covers 121..123 (ids are per-instrument counters).
    //  - "GET / Trades history": /api/v5/market/history-trades, type=1 pages by tradeId,
    //    after = records earlier than the id, limit <= 100.
    //  - PROTOCOLS.md §3: text "ping" when nothing arrived for N < 30 s, answer "pong"; at most
    //    64 KB of channels per request; {"event":"notice","code":"64008"} 30 s before an upgrade
    //    disconnect; recorded BTC-USDT ids 338476307, 338476308, 338476309 (contiguous).
    public static final URI LIVE_ENDPOINT = URI.create("wss://ws.okx.com:8443");
    public static final URI LIVE_REST_ENDPOINT = URI.create("https://www.okx.com");
    static final String PATH = "/ws/v5/business";
    static final String CHANNEL = "trades-all";

    /** The aggregated channel parses the same way (recorded frames use it). */
    static final Set<String> TRADE_CHANNELS = Set.of(CHANNEL, "trades");

    static final int MAX_REQUEST_CHARS = 64 * 1024;
    static final String SERVICE_UPGRADE_NOTICE = "64008";

    /** OKX drops a connection silent for 30 s: ping well inside that. */
    static final Heartbeat HEARTBEAT = new Heartbeat("ping", Duration.ofSeconds(20));

    /** Two heartbeats without an answer. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(45);

    /**
     * OKX documents no per-connection channel cap (only 64 KB per request and 480 subscribe
     * requests per connection per hour); 300 keeps one connection's burst moderate.
     */
    static final int MAX_INSTRUMENTS_PER_CONNECTION = 300;

    private final URI webSocketBase;
    private final URI restBase;

    public OkxAdapter() {
        this(LIVE_ENDPOINT, LIVE_REST_ENDPOINT);
    }

    /** An adapter for OKX-compatible endpoints, such as the simulator. */
    public OkxAdapter(URI webSocketBase, URI restBase) {
        this.webSocketBase = Objects.requireNonNull(webSocketBase, "webSocketBase");
        this.restBase = Objects.requireNonNull(restBase, "restBase");
    }

    @Override
    public Venue venue() {
        return Venue.OKX;
    }

    @Override
    public URI endpoint(List<InstrumentId> instruments) {
        return VenueEndpoints.resolve(webSocketBase, PATH);
    }

    @Override
    public List<String> subscribeMessages(List<InstrumentId> instruments) {
        List<String> args =
                instruments.stream()
                        .map(
                                i ->
                                        "{\"channel\":\""
                                                + CHANNEL
                                                + "\",\"instId\":"
                                                + JsonFrames.quote(OkxTrades.instId(i))
                                                + "}")
                        .toList();
        return SubscribeBatches.byLength(
                args, "{\"op\":\"subscribe\",\"args\":[", "]}", MAX_REQUEST_CHARS);
    }

    @Override
    public Optional<Heartbeat> heartbeat() {
        return Optional.of(HEARTBEAT);
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
        return SequencePolicy.STRICT_INCREMENT;
    }

    @Override
    public Optional<TradeBackfill> backfill() {
        return Optional.of(new OkxBackfill(restBase));
    }

    /**
     * Parses one frame, for example {@code {"arg":{"channel":"trades","instId":"BTC-USDT"},"data":
     * [{"instId":"BTC-USDT","tradeId":"338476307","px":"30236","sz":"0.0002","side":"buy",
     * "ts":"1652459224818"}]}} or the plain text {@code pong}.
     */
    @Override
    public ParsedFrame parse(String frame, long receivedAtMicros) {
        if ("pong".equals(frame)) {
            return new Control(ControlKind.HEARTBEAT, "pong");
        }
        JsonFrames.Decoded<OkxMessage> d =
                JsonFrames.decode(frame, JsonToken.START_OBJECT, OkxMessage::read);
        if (!d.ok()) {
            return d.problem();
        }
        OkxMessage m = d.value();
        if (m.event != null) {
            return event(m);
        }
        if (!m.hasData) {
            return MalformedReason.UNKNOWN_MESSAGE.of("neither an event nor data");
        }
        if (m.channel == null || !TRADE_CHANNELS.contains(m.channel)) {
            return MalformedReason.UNKNOWN_EVENT.of("channel '" + JsonFrames.cut(m.channel) + "'");
        }
        if (m.data == null) {
            return TradeChecks.missing("data");
        }
        return OkxTrades.toFrame(m.data, m.argInstId, receivedAtMicros);
    }

    private static ParsedFrame event(OkxMessage m) {
        String detail = "code=" + JsonFrames.cut(m.code) + ", msg=" + JsonFrames.cut(m.msg);
        return switch (m.event) {
            case "subscribe" -> new Control(ControlKind.SUBSCRIBED, "subscribe " + m.argInstId);
            case "error" -> new Control(ControlKind.ERROR, detail);
            case "notice" ->
                    SERVICE_UPGRADE_NOTICE.equals(m.code)
                            ? new Control(ControlKind.RECONNECT, detail)
                            : new ParsedFrame.Ignored("notice " + detail);
            case "unsubscribe", "channel-conn-count" -> new ParsedFrame.Ignored(m.event);
            default -> MalformedReason.UNKNOWN_EVENT.of("event '" + JsonFrames.cut(m.event) + "'");
        };
    }
}
