package dev.candleflow.protocol.binance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Side;
import dev.candleflow.model.Trade;
import dev.candleflow.model.Venue;
import dev.candleflow.protocol.ExchangeAdapter;
import dev.candleflow.protocol.Heartbeat;
import dev.candleflow.protocol.ParsedFrame;
import dev.candleflow.protocol.ParsedFrame.Control;
import dev.candleflow.protocol.ParsedFrame.ControlKind;
import dev.candleflow.protocol.ParsedFrame.Malformed;
import dev.candleflow.protocol.SequencePolicy;
import dev.candleflow.protocol.TradeBackfill;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Binance spot trade streams ({@code <symbol>@trade}) over combined-stream connections.
 *
 * <p>The server pings every 20 s and the WebSocket client answers with pongs by itself, so there is
 * no client heartbeat; one connection carries at most 1024 streams and lives at most 24 h. Missed
 * trades come back over REST ({@code /api/v3/historicalTrades}, see {@link #backfill()}).
 */
public final class BinanceAdapter implements ExchangeAdapter {

    private static final long serialVersionUID = 1L;

    public static final URI LIVE_ENDPOINT = URI.create("wss://stream.binance.com:9443");
    public static final URI LIVE_REST_ENDPOINT = URI.create("https://api.binance.com");
    static final int MAX_STREAMS_PER_CONNECTION = 1024;

    /** Server pings come every 20 s: a minute of silence means the connection is gone. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

    /** "A single connection to stream.binance.com is only valid for 24 hours." */
    public static final Duration MAX_CONNECTION_AGE = Duration.ofHours(24);

    /** "There is a limit of 300 connections per attempt every 5 minutes per IP." */
    public static final int MAX_CONNECTIONS_PER_FIVE_MINUTES = 300;

    static final int MAX_FRAME_CHARS = 1 << 20;

    /** Trades before the first Bitcoin block, or a day after receipt, are absurd. */
    static final long MIN_EVENT_TIME_MICROS = 1_231_006_505_000_000L;

    static final long MAX_CLOCK_AHEAD_MICROS = Duration.ofDays(1).toNanos() / 1000L;

    private static final JsonFactory JSON = new JsonFactory();

    private final URI base;
    private final URI restBase;

    public BinanceAdapter() {
        this(LIVE_ENDPOINT, LIVE_REST_ENDPOINT);
    }

    /** An adapter for a Binance-compatible WebSocket endpoint; backfill uses the live REST API. */
    public BinanceAdapter(URI base) {
        this(base, LIVE_REST_ENDPOINT);
    }

    /** An adapter for Binance-compatible WebSocket and REST endpoints, such as the simulator. */
    public BinanceAdapter(URI base, URI restBase) {
        this.base = Objects.requireNonNull(base, "base");
        this.restBase = Objects.requireNonNull(restBase, "restBase");
    }

    @Override
    public Venue venue() {
        return Venue.BINANCE;
    }

    @Override
    public URI endpoint(List<InstrumentId> instruments) {
        String streams =
                instruments.stream()
                        .map(i -> BinanceSymbols.streamSymbol(i) + "@trade")
                        .collect(Collectors.joining("/"));
        String root = base.toString().replaceAll("/+$", "");
        return URI.create(root + "/stream?streams=" + streams);
    }

    @Override
    public List<String> subscribeMessages(List<InstrumentId> instruments) {
        return List.of(); // the combined-stream URL subscribes
    }

    @Override
    public Optional<Heartbeat> heartbeat() {
        return Optional.empty();
    }

    @Override
    public Duration idleTimeout() {
        return IDLE_TIMEOUT;
    }

    @Override
    public int maxInstrumentsPerConnection() {
        return MAX_STREAMS_PER_CONNECTION;
    }

    @Override
    public SequencePolicy sequencePolicy() {
        return SequencePolicy.STRICT_INCREMENT;
    }

    /** Old trades by id over REST; Binance trade ids grow by one per symbol. */
    @Override
    public Optional<TradeBackfill> backfill() {
        return Optional.of(new BinanceTradeBackfill(restBase));
    }

    /** Binance closes a connection at 24 h; renew before that. */
    public Duration maxConnectionAge() {
        return MAX_CONNECTION_AGE;
    }

    /**
     * Parses one frame, for example {@code
     * {"stream":"btcusdt@trade","data":{"e":"trade","E":1672515782136,"s":"BTCUSDT","t":12345,
     * "p":"16578.50000000","q":"0.00100000","T":1672515782136,"m":true,"M":true}}}.
     */
    @Override
    public ParsedFrame parse(String frame, long receivedAtMicros) {
        if (frame == null || frame.isEmpty()) {
            return new Malformed("empty_frame", "empty frame");
        }
        if (frame.length() > MAX_FRAME_CHARS) {
            return new Malformed("oversized_frame", frame.length() + " chars");
        }
        BinanceTradeMessage msg = new BinanceTradeMessage();
        try (JsonParser p = JSON.createParser(frame)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new Malformed("malformed_json", "frame is not a JSON object");
            }
            readObject(p, msg, true);
            if (p.nextToken() != null) {
                return new Malformed("malformed_json", "trailing content after the object");
            }
        } catch (IOException | RuntimeException e) {
            return new Malformed("malformed_json", String.valueOf(e.getMessage()));
        }
        return interpret(msg, receivedAtMicros);
    }

    private static void readObject(JsonParser p, BinanceTradeMessage m, boolean topLevel)
            throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "e" -> m.eventType = text(p, t);
                case "s" -> m.symbol = text(p, t);
                case "t" -> m.tradeId = t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : null;
                case "p" -> m.price = text(p, t);
                case "q" -> m.quantity = text(p, t);
                case "T" -> m.tradeTime = t == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : null;
                case "m" -> m.buyerIsMaker = t.isBoolean() ? t == JsonToken.VALUE_TRUE : null;
                case "result" -> {
                    m.hasResult = topLevel;
                    p.skipChildren();
                }
                case "error" -> m.errorMessage = topLevel ? errorText(p, t) : m.errorMessage;
                case "stream" -> m.stream = topLevel ? text(p, t) : m.stream;
                case "data" -> {
                    if (topLevel && t == JsonToken.START_OBJECT) {
                        readObject(p, m, false);
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
    }

    /** A string value, or null when the value is not a string (the caller reports it). */
    private static String text(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    private static String errorText(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            String s = t.isScalarValue() ? p.getText() : "error";
            p.skipChildren();
            return s;
        }
        StringBuilder sb = new StringBuilder();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (v.isScalarValue()) {
                sb.append(sb.length() == 0 ? "" : ", ")
                        .append(name)
                        .append('=')
                        .append(p.getText());
            } else {
                p.skipChildren();
            }
        }
        return sb.toString();
    }

    private static ParsedFrame interpret(BinanceTradeMessage m, long receivedAtMicros) {
        if (m.errorMessage != null) {
            return new Control(ControlKind.ERROR, m.errorMessage);
        }
        if (m.eventType == null) {
            return m.hasResult
                    ? new Control(ControlKind.SUBSCRIBED, "ack")
                    : new Malformed("unknown_message", "no event type and no result");
        }
        return switch (m.eventType) {
            case "trade" -> BinanceTrades.toTrade(m, receivedAtMicros);
            case "serverShutdown" -> new Control(ControlKind.RECONNECT, "serverShutdown");
            default -> new Malformed("unknown_event", "event type '" + m.eventType + "'");
        };
    }

    static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    static Side side(boolean buyerIsMaker) {
        // The buyer made the resting order, so the taker sold.
        return buyerIsMaker ? Side.SELL : Side.BUY;
    }

    static long micros(long millis) {
        return Math.multiplyExact(millis, 1000L);
    }

    static Trade trade(InstrumentId instrument, BinanceTradeMessage m, long received) {
        return new Trade(
                Venue.BINANCE,
                instrument,
                micros(m.tradeTime),
                received,
                m.tradeId,
                decimal(m.price),
                decimal(m.quantity),
                side(m.buyerIsMaker),
                Long.toString(m.tradeId));
    }
}
