package dev.candleflow.protocol.bybit;

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
import dev.candleflow.protocol.TradeChecks;
import dev.candleflow.protocol.VenueEndpoints;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Bybit v5 spot public trades ({@code publicTrade.<SYMBOL>}).
 *
 * <p>Trade ids are opaque strings (UUIDs in the docs), so there is no sequence to check and no REST
 * backfill by id: {@link SequencePolicy#NONE}, and the sequence carries Bybit's {@code seq} only to
 * order trades of one millisecond.
 */
public final class BybitAdapter implements ExchangeAdapter {

    private static final long serialVersionUID = 1L;

    // Sources: repo bybit-exchange/docs (PROTOCOLS.md [BYc], [BYt]):
    //  - docs/v5/websocket/wss-authentication.mdx ("Connect"): spot wss://stream.bybit.com/v5/
    //    public/spot; "Spot can input up to 10 args for each subscription request"; args of one
    //    connection <= 21,000 chars; send {"op":"ping"} every 20 s; pong and ack shapes.
    //  - docs/v5/websocket/public/trade.mdx: topic publicTrade.{symbol}; T fill time (ms),
    //    S taker side Buy/Sell, v size, p price, i trade id (string, a UUID in the example);
    //    seq is a cross sequence that several trades share.
    public static final URI LIVE_ENDPOINT = URI.create("wss://stream.bybit.com");
    static final String PATH = "/v5/public/spot";
    static final String TOPIC_PREFIX = "publicTrade.";
    static final int MAX_ARGS_PER_REQUEST = 10;

    static final Heartbeat HEARTBEAT = new Heartbeat("{\"op\":\"ping\"}", Duration.ofSeconds(20));

    /** Two pings without a pong. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(45);

    /** 500 topics of ~35 chars stay under the 21,000-char args limit of one connection. */
    static final int MAX_INSTRUMENTS_PER_CONNECTION = 500;

    private final URI webSocketBase;

    public BybitAdapter() {
        this(LIVE_ENDPOINT);
    }

    /** An adapter for a Bybit-compatible endpoint, such as the simulator. */
    public BybitAdapter(URI webSocketBase) {
        this.webSocketBase = Objects.requireNonNull(webSocketBase, "webSocketBase");
    }

    @Override
    public Venue venue() {
        return Venue.BYBIT;
    }

    @Override
    public URI endpoint(List<InstrumentId> instruments) {
        return VenueEndpoints.resolve(webSocketBase, PATH);
    }

    @Override
    public List<String> subscribeMessages(List<InstrumentId> instruments) {
        List<String> topics =
                instruments.stream().map(i -> TOPIC_PREFIX + BybitTrades.symbol(i)).toList();
        return SubscribeBatches.byCount(topics, MAX_ARGS_PER_REQUEST).stream()
                .map(
                        args ->
                                "{\"op\":\"subscribe\",\"args\":"
                                        + SubscribeBatches.jsonArray(args)
                                        + "}")
                .toList();
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
        return SequencePolicy.NONE;
    }

    /**
     * Parses one frame, for example {@code {"topic":"publicTrade.BTCUSDT","type":"snapshot",
     * "ts":1672304486868,"data":[{"T":1672304486865,"s":"BTCUSDT","S":"Buy","v":"0.001",
     * "p":"16578.50","L":"PlusTick","i":"20f43950-d8dd-5b31-9112-a178eb6023af","BT":false}]}}.
     */
    @Override
    public ParsedFrame parse(String frame, long receivedAtMicros) {
        JsonFrames.Decoded<BybitMessage> d =
                JsonFrames.decode(frame, JsonToken.START_OBJECT, BybitMessage::read);
        if (!d.ok()) {
            return d.problem();
        }
        BybitMessage m = d.value();
        if (m.op != null) {
            return operation(m);
        }
        if ("COMMAND_RESP".equals(m.type)) {
            return acknowledgement(m, "subscribe");
        }
        if (m.topic == null) {
            return MalformedReason.UNKNOWN_MESSAGE.of("neither an operation nor a topic");
        }
        if (!m.topic.startsWith(TOPIC_PREFIX)) {
            return MalformedReason.UNKNOWN_EVENT.of("topic '" + JsonFrames.cut(m.topic) + "'");
        }
        if (m.data == null) {
            return TradeChecks.missing("data");
        }
        String topicSymbol = m.topic.substring(TOPIC_PREFIX.length());
        return BybitTrades.toFrame(m.data, topicSymbol, receivedAtMicros);
    }

    private static ParsedFrame operation(BybitMessage m) {
        return switch (m.op) {
            case "ping", "pong" -> new Control(ControlKind.HEARTBEAT, "pong");
            case "subscribe" -> acknowledgement(m, m.op);
            case "unsubscribe" -> new ParsedFrame.Ignored(m.op);
            default ->
                    Boolean.FALSE.equals(m.success)
                            ? new Control(ControlKind.ERROR, m.op + ": " + JsonFrames.cut(m.retMsg))
                            : MalformedReason.UNKNOWN_EVENT.of("op '" + JsonFrames.cut(m.op) + "'");
        };
    }

    private static ParsedFrame acknowledgement(BybitMessage m, String what) {
        if (Boolean.TRUE.equals(m.success)) {
            return new Control(ControlKind.SUBSCRIBED, what);
        }
        return new Control(ControlKind.ERROR, what + " failed: " + JsonFrames.cut(m.retMsg));
    }
}
