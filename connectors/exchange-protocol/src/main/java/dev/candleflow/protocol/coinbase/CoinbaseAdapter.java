package dev.candleflow.protocol.coinbase;

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
import dev.candleflow.protocol.WireValues;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Coinbase Exchange feed ({@code ws-feed.exchange.coinbase.com}), {@code matches} and {@code
 * heartbeat} channels.
 *
 * <p>The per-product heartbeat carries the id of the product's newest trade, which becomes a {@link
 * ParsedFrame.SequenceMark} so the source can see trades it missed even when none follows.
 */
public final class CoinbaseAdapter implements ExchangeAdapter {

    private static final long serialVersionUID = 1L;

    // Sources (docs corpus, docs.cdp.coinbase.com):
    //  - exchange/websocket-feed/overview: wss://ws-feed.exchange.coinbase.com, subscribe within
    //    5 s or be disconnected; clients must ignore message types they do not know.
    //  - exchange/websocket-feed/channels: heartbeat every second per product with sequence and
    //    last_trade_id "to verify that no messages were missed".
    //  - exchange/websocket-feed/errors: {"type":"error","message":...}.
    //  - exchange/websocket-feed/rate-limits: 8 connects/s per IP, 100 client messages/s.
    //  - api-reference/exchange-api/rest-api/products/get-product-trades + rest-api/pagination:
    //    side is the MAKER order side; after=<id> pages to older trades; limit <= 1000.
    //  - PROTOCOLS.md §4a (recorded 2021): SKL-USD trade_id 1568268, 1568269, 1568270 contiguous
    //    while "sequence" jumps (shared with order-book messages), so trade_id is the sequence.
    public static final URI LIVE_ENDPOINT = URI.create("wss://ws-feed.exchange.coinbase.com");
    public static final URI LIVE_REST_ENDPOINT = URI.create("https://api.exchange.coinbase.com");
    static final List<String> CHANNELS = List.of("matches", "heartbeat");

    /** The heartbeat channel sends every second per product: 15 s of silence is a dead feed. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(15);

    /** No documented cap; 100 products keep one subscribe message and one connection small. */
    static final int MAX_INSTRUMENTS_PER_CONNECTION = 100;

    private final URI webSocketBase;
    private final URI restBase;

    public CoinbaseAdapter() {
        this(LIVE_ENDPOINT, LIVE_REST_ENDPOINT);
    }

    /** An adapter for Coinbase-compatible endpoints, such as the simulator. */
    public CoinbaseAdapter(URI webSocketBase, URI restBase) {
        this.webSocketBase = Objects.requireNonNull(webSocketBase, "webSocketBase");
        this.restBase = Objects.requireNonNull(restBase, "restBase");
    }

    @Override
    public Venue venue() {
        return Venue.COINBASE;
    }

    @Override
    public URI endpoint(List<InstrumentId> instruments) {
        return VenueEndpoints.resolve(webSocketBase, "");
    }

    @Override
    public List<String> subscribeMessages(List<InstrumentId> instruments) {
        List<String> products = instruments.stream().map(CoinbaseTrades::productId).toList();
        return List.of(
                "{\"type\":\"subscribe\",\"product_ids\":"
                        + SubscribeBatches.jsonArray(products)
                        + ",\"channels\":"
                        + SubscribeBatches.jsonArray(CHANNELS)
                        + "}");
    }

    /** The server sends heartbeats; the client sends nothing after subscribing. */
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
        return MAX_INSTRUMENTS_PER_CONNECTION;
    }

    @Override
    public SequencePolicy sequencePolicy() {
        return SequencePolicy.STRICT_INCREMENT;
    }

    @Override
    public Optional<TradeBackfill> backfill() {
        return Optional.of(new CoinbaseBackfill(restBase));
    }

    /**
     * Parses one message, for example {@code {"type":"match","trade_id":1568268,"maker_order_id":
     * "cac01d6d-8009-4c33-8e0d-f7f853d7c1bc","taker_order_id":"3dec64e4-f6ad-4ca8-ad3f-e5b1a0eb0d06",
     * "side":"sell","size":"450","price":"0.791","product_id":"SKL-USD","sequence":201390075,
     * "time":"2021-04-17T16:43:37.121358Z"}}.
     */
    @Override
    public ParsedFrame parse(String frame, long receivedAtMicros) {
        JsonFrames.Decoded<CoinbaseMessage> d =
                JsonFrames.decode(frame, JsonToken.START_OBJECT, CoinbaseMessage::read);
        if (!d.ok()) {
            return d.problem();
        }
        CoinbaseMessage m = d.value();
        if (m.type == null) {
            return MalformedReason.UNKNOWN_MESSAGE.of("no type");
        }
        return switch (m.type) {
            // last_match is the product's latest trade, sent once after subscribing: a real trade
            case "match", "last_match" ->
                    TradeChecks.collect(
                            List.of(CoinbaseTrades.toTrade(m, m.productId, receivedAtMicros)));
            case "heartbeat" -> sequenceMark(m);
            case "subscriptions" -> new Control(ControlKind.SUBSCRIBED, "subscriptions");
            case "error" ->
                    new Control(
                            ControlKind.ERROR,
                            JsonFrames.cut(m.message) + ": " + JsonFrames.cut(m.reason));
            default -> MalformedReason.UNKNOWN_EVENT.of("type '" + JsonFrames.cut(m.type) + "'");
        };
    }

    private static ParsedFrame sequenceMark(CoinbaseMessage m) {
        if (m.productId == null) {
            return TradeChecks.missing("product_id");
        }
        InstrumentId instrument;
        try {
            instrument = CoinbaseTrades.toInstrument(m.productId);
        } catch (IllegalArgumentException e) {
            instrument = null;
        }
        if (instrument == null) {
            return TradeChecks.unknownSymbol(m.productId);
        }
        if (m.lastTradeId == null) {
            return TradeChecks.missing("last_trade_id");
        }
        long last = WireValues.parseId(m.lastTradeId);
        if (last < 0) {
            return TradeChecks.badId("last_trade_id", m.lastTradeId);
        }
        return new ParsedFrame.SequenceMark(instrument, last);
    }
}
