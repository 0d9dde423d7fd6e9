package dev.candleflow.protocol.okx;

import static dev.candleflow.protocol.testutils.Resources.RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Side;
import dev.candleflow.model.Trade;
import dev.candleflow.model.Venue;
import dev.candleflow.protocol.ExchangeAdapters;
import dev.candleflow.protocol.Heartbeat;
import dev.candleflow.protocol.ParsedFrame;
import dev.candleflow.protocol.ParsedFrame.Control;
import dev.candleflow.protocol.ParsedFrame.ControlKind;
import dev.candleflow.protocol.ParsedFrame.Malformed;
import dev.candleflow.protocol.ParsedFrame.Trades;
import dev.candleflow.protocol.SequencePolicy;
import dev.candleflow.protocol.TradeBackfill;
import dev.candleflow.protocol.VenueEndpoints;
import dev.candleflow.protocol.testutils.Resources;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OkxAdapterTest {

    private static final InstrumentId BTC_USDT = InstrumentId.parse("BTC-USDT");
    private final OkxAdapter adapter = new OkxAdapter();

    @Test
    void parsesRecordedFramesToExactTrades() {
        List<ParsedFrame> parsed =
                Resources.lines("/frames/okx/trades.jsonl").stream()
                        .map(f -> adapter.parse(f, RECEIVED))
                        .toList();

        assertThat(parsed.get(0))
                .isEqualTo(new Control(ControlKind.SUBSCRIBED, "subscribe BTC-USDT"));
        assertThat(parsed.get(1))
                .isEqualTo(trades(trade(1630048897897L, 130639474L, "42219.9", "0.12060306")));
        assertThat(parsed.get(2))
                .isEqualTo(trades(trade(1652459224818L, 338476307L, "30236", "0.0002")));
        assertThat(parsed.get(3))
                .isEqualTo(trades(trade(1652459226050L, 338476308L, "30243.5", "0.001")));
        assertThat(parsed.get(4))
                .isEqualTo(trades(trade(1652459226050L, 338476309L, "30243.5", "0.0002")));
        assertThat(parsed.get(5)).isEqualTo(new Control(ControlKind.HEARTBEAT, "pong"));
        assertThat(parsed.get(6)).isInstanceOf(Control.class);
        assertThat(((Control) parsed.get(6)).kind()).isEqualTo(ControlKind.ERROR);
        assertThat(((Control) parsed.get(6)).detail()).contains("60012").contains("argss");
        assertThat(((Control) parsed.get(7)).kind()).isEqualTo(ControlKind.RECONNECT);
        assertThat(((Control) parsed.get(7)).detail()).contains("64008");
        assertThat(parsed.get(8))
                .isEqualTo(new Control(ControlKind.SUBSCRIBED, "subscribe BTC-USD-220527"));
    }

    @Test
    void keepsTheTradesOfOneFrameInVenueOrder() {
        ParsedFrame parsed = adapter.parse(Resources.text("/frames/okx/batch.jsonl"), RECEIVED);

        InstrumentId eth = InstrumentId.parse("ETH-USDT");
        assertThat(parsed)
                .isEqualTo(
                        new Trades(
                                List.of(
                                        new Trade(
                                                Venue.OKX,
                                                eth,
                                                1695628116925_000L,
                                                RECEIVED,
                                                580131001L,
                                                new BigDecimal("1601.23"),
                                                new BigDecimal("0.5"),
                                                Side.SELL,
                                                "580131001"),
                                        new Trade(
                                                Venue.OKX,
                                                eth,
                                                1695628116925_000L,
                                                RECEIVED,
                                                580131002L,
                                                new BigDecimal("1601.22"),
                                                new BigDecimal("1.75"),
                                                Side.SELL,
                                                "580131002"))));
    }

    @Test
    void aggregatedTradesChannelFramesStillParse() {
        String aggregated =
                "{\"arg\":{\"channel\":\"trades\",\"instId\":\"BTC-USDT\"},\"data\":[{\"instId\":\"BTC-USDT\","
                    + "\"tradeId\":\"130639474\",\"px\":\"42219.9\",\"sz\":\"0.12060306\",\"side\":\"buy\","
                    + "\"ts\":\"1630048897897\",\"count\":\"3\",\"source\":\"0\",\"seqId\":1234}]}";
        assertThat(adapter.parse(aggregated, RECEIVED))
                .isEqualTo(trades(trade(1630048897897L, 130639474L, "42219.9", "0.12060306")));
    }

    @Test
    void subscribesToAllTradesInRequestsOfAtMost64Kilobytes() {
        assertThat(adapter.subscribeMessages(List.of(BTC_USDT)))
                .containsExactly(
                        "{\"op\":\"subscribe\",\"args\":[{\"channel\":\"trades-all\",\"instId\":\"BTC-USDT\"}]}");
        assertThat(adapter.subscribeMessages(List.of(BTC_USDT, InstrumentId.parse("ETH-BTC"))))
                .containsExactly(
                        "{\"op\":\"subscribe\",\"args\":[{\"channel\":\"trades-all\",\"instId\":\"BTC-USDT\"},"
                            + "{\"channel\":\"trades-all\",\"instId\":\"ETH-BTC\"}]}");

        List<InstrumentId> many =
                IntStream.range(0, 3000)
                        .mapToObj(i -> new InstrumentId("COIN" + i, "USDT"))
                        .toList();
        List<String> messages = adapter.subscribeMessages(many);

        assertThat(messages).hasSizeGreaterThan(1);
        assertThat(messages).allSatisfy(m -> assertThat(m.length()).isLessThanOrEqualTo(65_536));
        List<String> subscribed = new ArrayList<>();
        for (String m : messages) {
            assertThat(m).startsWith("{\"op\":\"subscribe\",\"args\":[").endsWith("]}");
            for (String part : m.split("\"instId\":\"")) {
                if (part.startsWith("COIN")) {
                    subscribed.add(part.substring(0, part.indexOf('"')));
                }
            }
        }
        assertThat(subscribed)
                .containsExactlyElementsOf(many.stream().map(InstrumentId::toString).toList());
    }

    @Test
    void connectsToTheBusinessEndpointAndPingsWithText() {
        assertThat(adapter.venue()).isEqualTo(Venue.OKX);
        assertThat(adapter.endpoint(List.of(BTC_USDT)))
                .isEqualTo(URI.create("wss://ws.okx.com:8443/ws/v5/business"));
        assertThat(
                        new OkxAdapter(URI.create("ws://127.0.0.1:9000/"), URI.create("http://x"))
                                .endpoint(List.of()))
                .isEqualTo(URI.create("ws://127.0.0.1:9000/ws/v5/business"));
        assertThat(adapter.heartbeat()).contains(new Heartbeat("ping", Duration.ofSeconds(20)));
        assertThat(adapter.idleTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(adapter.sequencePolicy()).isEqualTo(SequencePolicy.STRICT_INCREMENT);
        assertThat(adapter.maxInstrumentsPerConnection()).isEqualTo(300);
        assertThat(ExchangeAdapters.forVenue(Venue.OKX, VenueEndpoints.LIVE))
                .isInstanceOf(OkxAdapter.class);
    }

    @Test
    void mapsSymbolsBothWays() {
        assertThat(OkxTrades.toInstrument("BTC-USDT")).isEqualTo(BTC_USDT);
        assertThat(OkxTrades.toInstrument("BTC-USD-SWAP")).isNull();
        assertThat(OkxTrades.toInstrument("BTCUSDT")).isNull();
        assertThat(OkxTrades.instId(InstrumentId.parse("sol-usdc"))).isEqualTo("SOL-USDC");
    }

    @Test
    void backfillPagesByTradeId() {
        TradeBackfill backfill = adapter.backfill().orElseThrow();

        assertThat(backfill.maxLimit()).isEqualTo(100);
        // ids [242720719, 242720721) are the trades older than 242720721
        assertThat(backfill.request(BTC_USDT, 242720719L, 2).uri())
                .isEqualTo(
                        URI.create(
                                "https://www.okx.com/api/v5/market/history-trades"
                                        + "?instId=BTC-USDT&type=1&after=242720721&limit=2"));
        assertThat(backfill.request(BTC_USDT, 10L, 5000).uri().getQuery())
                .endsWith("after=110&limit=100");
        OkxAdapter simulated = new OkxAdapter(URI.create("ws://h"), URI.create("http://s:8081/"));
        assertThat(simulated.backfill().orElseThrow().request(BTC_USDT, 1L, 1).uri().toString())
                .startsWith("http://s:8081/api/v5/market/history-trades?");
    }

    @Test
    void backfillParsesTheDocumentedAnswer() {
        TradeBackfill backfill = adapter.backfill().orElseThrow();
        String body = Resources.text("/rest/okx/history-trades.json");

        assertThat(backfill.parse(body, BTC_USDT, RECEIVED))
                .isEqualTo(
                        trades(
                                trade(1654161646974L, 242720720L, "29963.2", "0.00001", Side.SELL),
                                trade(1654161641568L, 242720719L, "29964.1", "0.00012", Side.BUY)));
        assertThat(backfill.parse("{\"code\":\"0\",\"msg\":\"\",\"data\":[]}", BTC_USDT, RECEIVED))
                .isEqualTo(new Trades(List.of()));
    }

    @Test
    void backfillRejectsVenueErrorsAndForeignTrades() {
        TradeBackfill backfill = adapter.backfill().orElseThrow();
        String error = "{\"code\":\"51001\",\"msg\":\"Instrument ID does not exist\",\"data\":[]}";
        String body = Resources.text("/rest/okx/history-trades.json");

        assertThat(reason(backfill.parse(error, BTC_USDT, RECEIVED))).isEqualTo("unknown_message");
        assertThat(reason(backfill.parse(body, InstrumentId.parse("ETH-USDT"), RECEIVED)))
                .isEqualTo("unknown_symbol");
        assertThat(reason(backfill.parse("<html>", BTC_USDT, RECEIVED)))
                .isEqualTo("malformed_json");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "not json|malformed_json",
                "[1,2]|malformed_json",
                "{\"arg\":{\"channel\":\"trades-all\"},\"data\":[{\"instId\":\"BTC-USDT\"|malformed_json",
                "{\"event\":\"login\"}|unknown_event",
                "{\"arg\":{\"channel\":\"books\",\"instId\":\"BTC-USDT\"},\"data\":[]}|unknown_event",
                "{\"foo\":1}|unknown_message",
                "{\"arg\":{\"channel\":\"trades-all\"},\"data\":{}}|missing_field",
                "{\"arg\":{\"channel\":\"trades-all\"},\"data\":[{\"instId\":\"BTC-USDT\",\"tradeId\":\"1\",\"sz\":\"1\",\"side\":\"buy\",\"ts\":\"1652459224818\"}]}|missing_field",
                "{\"arg\":{\"channel\":\"trades-all\"},\"data\":[{\"instId\":\"BTC-USDT\",\"tradeId\":\"1\",\"px\":30236,\"sz\":\"1\",\"side\":\"buy\",\"ts\":\"1652459224818\"}]}|missing_field",
                "{\"arg\":{\"channel\":\"trades-all\"},\"data\":[{\"instId\":\"BTC-USDT\",\"tradeId\":\"1\",\"px\":\"1\",\"sz\":\"1\",\"side\":\"up\",\"ts\":\"1652459224818\"}]}|missing_field",
                "{\"arg\":{\"channel\":\"trades-all\"},\"data\":[{\"instId\":\"BTC-USDT\",\"tradeId\":\"1\",\"px\":\"NaN\",\"sz\":\"1\",\"side\":\"buy\",\"ts\":\"1652459224818\"}]}|bad_price",
                "{\"arg\":{\"channel\":\"trades-all\"},\"data\":[{\"instId\":\"BTC-USDT\",\"tradeId\":\"1\",\"px\":\"1e400\",\"sz\":\"1\",\"side\":\"buy\",\"ts\":\"1652459224818\"}]}|bad_price",
                "{\"arg\":{\"channel\":\"trades-all\"},\"data\":[{\"instId\":\"BTC-USDT\",\"tradeId\":\"1\",\"px\":\"1\",\"sz\":\"-1\",\"side\":\"buy\",\"ts\":\"1652459224818\"}]}|bad_quantity",
                "{\"arg\":{\"channel\":\"trades-all\"},\"data\":[{\"instId\":\"BTC-USDT\",\"tradeId\":\"1\",\"px\":\"1\",\"sz\":\"1\",\"side\":\"buy\",\"ts\":\"5\"}]}|bad_timestamp",
                "{\"arg\":{\"channel\":\"trades-all\"},\"data\":[{\"instId\":\"BTC-USDT\",\"tradeId\":\"1\",\"px\":\"1\",\"sz\":\"1\",\"side\":\"buy\",\"ts\":\"99999999999999999\"}]}|bad_timestamp",
                "{\"arg\":{\"channel\":\"trades-all\"},\"data\":[{\"instId\":\"BTC-USDT\",\"tradeId\":\"99999999999999999999999\",\"px\":\"1\",\"sz\":\"1\",\"side\":\"buy\",\"ts\":\"1652459224818\"}]}|bad_trade_id",
                "{\"arg\":{\"channel\":\"trades-all\"},\"data\":[{\"instId\":\"BTC-USDT\",\"tradeId\":\"-1\",\"px\":\"1\",\"sz\":\"1\",\"side\":\"buy\",\"ts\":\"1652459224818\"}]}|bad_trade_id",
                "{\"arg\":{\"channel\":\"trades-all\"},\"data\":[{\"instId\":\"BTC-USD-SWAP\",\"tradeId\":\"1\",\"px\":\"1\",\"sz\":\"1\",\"side\":\"buy\",\"ts\":\"1652459224818\"}]}|unknown_symbol",
            })
    void badFramesBecomeMalformedWithAReason(String frame, String reason) {
        ParsedFrame parsed = adapter.parse(frame, RECEIVED);
        assertThat(parsed).isInstanceOf(Malformed.class);
        assertThat(((Malformed) parsed).reason()).isEqualTo(reason);
    }

    @Test
    void oneBadTradeRejectsTheWholeFrame() {
        String frame =
                "{\"arg\":{\"channel\":\"trades-all\"},\"data\":[{\"instId\":\"BTC-USDT\",\"tradeId\":\"1\",\"px\":\"1\","
                    + "\"sz\":\"1\",\"side\":\"buy\",\"ts\":\"1652459224818\"},{\"instId\":\"BTC-USDT\",\"tradeId\":\"2\","
                    + "\"px\":\"0\",\"sz\":\"1\",\"side\":\"buy\",\"ts\":\"1652459224818\"}]}";
        assertThat(((Malformed) adapter.parse(frame, RECEIVED)).reason()).isEqualTo("bad_price");
        assertThat(((Malformed) adapter.parse("", RECEIVED)).reason()).isEqualTo("empty_frame");
    }

    private static Trade trade(long timeMillis, long id, String price, String qty) {
        return trade(timeMillis, id, price, qty, Side.BUY);
    }

    private static Trade trade(long timeMillis, long id, String price, String qty, Side side) {
        return new Trade(
                Venue.OKX,
                BTC_USDT,
                timeMillis * 1000L,
                RECEIVED,
                id,
                new BigDecimal(price),
                new BigDecimal(qty),
                side,
                Long.toString(id));
    }

    private static String reason(ParsedFrame parsed) {
        return ((Malformed) parsed).reason();
    }

    private static Trades trades(Trade... trades) {
        return new Trades(List.of(trades));
    }
}
