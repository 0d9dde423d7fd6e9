package dev.candleflow.protocol.coinbase;

import static dev.candleflow.protocol.testutils.Resources.RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Side;
import dev.candleflow.model.Trade;
import dev.candleflow.model.Venue;
import dev.candleflow.protocol.ExchangeAdapters;
import dev.candleflow.protocol.ParsedFrame;
import dev.candleflow.protocol.ParsedFrame.Control;
import dev.candleflow.protocol.ParsedFrame.ControlKind;
import dev.candleflow.protocol.ParsedFrame.Malformed;
import dev.candleflow.protocol.ParsedFrame.SequenceMark;
import dev.candleflow.protocol.ParsedFrame.Trades;
import dev.candleflow.protocol.SequencePolicy;
import dev.candleflow.protocol.TradeBackfill;
import dev.candleflow.protocol.VenueEndpoints;
import dev.candleflow.protocol.testutils.Resources;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoinbaseAdapterTest {

    private static final InstrumentId SKL_USD = InstrumentId.parse("SKL-USD");
    private static final InstrumentId BTC_USD = InstrumentId.parse("BTC-USD");
    private final CoinbaseAdapter adapter = new CoinbaseAdapter();

    @Test
    void parsesRecordedFramesToExactTradesWithTheTakerSide() {
        List<ParsedFrame> parsed =
                Resources.lines("/frames/coinbase/feed.jsonl").stream()
                        .map(f -> adapter.parse(f, RECEIVED))
                        .toList();

        // last_match is a real trade; "side":"sell" is the maker's, so the taker bought.
        assertThat(parsed.get(1))
                .isEqualTo(
                        trades(
                                trade(
                                        "BAND-GBP",
                                        1618677810244075L,
                                        881613L,
                                        "14.7775",
                                        "0.04",
                                        Side.BUY)));
        assertThat(parsed.get(2))
                .isEqualTo(
                        trades(
                                trade(
                                        "SKL-USD",
                                        1618677817121358L,
                                        1568268L,
                                        "0.791",
                                        "450",
                                        Side.BUY)));
        assertThat(parsed.get(3))
                .isEqualTo(
                        trades(
                                trade(
                                        "SKL-USD",
                                        1618677817140491L,
                                        1568269L,
                                        "0.7912",
                                        "1787",
                                        Side.BUY)));
    }

    @Test
    void turnsProtocolFramesIntoControls() {
        List<ParsedFrame> parsed =
                Resources.lines("/frames/coinbase/feed.jsonl").stream()
                        .map(f -> adapter.parse(f, RECEIVED))
                        .toList();

        assertThat(parsed.get(0)).isEqualTo(new Control(ControlKind.SUBSCRIBED, "subscriptions"));
        assertThat(parsed.get(4)).isEqualTo(new SequenceMark(BTC_USD, 20L));
        assertThat(parsed.get(5))
                .isEqualTo(
                        new Control(
                                ControlKind.ERROR,
                                "Failed to subscribe: BTC-XYZ is not a valid product"));
        assertThat(((Malformed) parsed.get(6)).reason()).isEqualTo("unknown_event");
    }

    @Test
    void aBuyMakerMeansASellTaker() {
        String match =
                "{\"type\":\"match\",\"trade_id\":10,\"side\":\"buy\",\"size\":\"1\",\"price\":\"2\","
                    + "\"product_id\":\"BTC-USD\",\"time\":\"2021-04-17T16:43:37.121358Z\"}";
        Trade trade = ((Trades) adapter.parse(match, RECEIVED)).trades().get(0);
        assertThat(trade.aggressor()).isEqualTo(Side.SELL);
    }

    @Test
    void subscribesToMatchesAndHeartbeatsInOneMessage() {
        assertThat(adapter.subscribeMessages(List.of(BTC_USD)))
                .containsExactly(
                        "{\"type\":\"subscribe\",\"product_ids\":[\"BTC-USD\"],"
                                + "\"channels\":[\"matches\",\"heartbeat\"]}");
        assertThat(
                        adapter.subscribeMessages(
                                List.of(BTC_USD, SKL_USD, InstrumentId.parse("ETH-EUR"))))
                .containsExactly(
                        "{\"type\":\"subscribe\",\"product_ids\":[\"BTC-USD\",\"SKL-USD\",\"ETH-EUR\"],"
                            + "\"channels\":[\"matches\",\"heartbeat\"]}");
    }

    @Test
    void connectsToTheExchangeFeedAndReliesOnServerHeartbeats() {
        assertThat(adapter.venue()).isEqualTo(Venue.COINBASE);
        assertThat(adapter.endpoint(List.of(BTC_USD)))
                .isEqualTo(URI.create("wss://ws-feed.exchange.coinbase.com"));
        assertThat(
                        new CoinbaseAdapter(
                                        URI.create("ws://127.0.0.1:9003/"), URI.create("http://h"))
                                .endpoint(List.of()))
                .isEqualTo(URI.create("ws://127.0.0.1:9003"));
        assertThat(adapter.heartbeat()).isEmpty();
        assertThat(adapter.idleTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(adapter.sequencePolicy()).isEqualTo(SequencePolicy.STRICT_INCREMENT);
        assertThat(adapter.maxInstrumentsPerConnection()).isEqualTo(100);
        assertThat(ExchangeAdapters.forVenue(Venue.COINBASE, VenueEndpoints.LIVE))
                .isInstanceOf(CoinbaseAdapter.class);
    }

    @Test
    void mapsProductIdsBothWays() {
        assertThat(CoinbaseTrades.toInstrument("BTC-USD")).isEqualTo(BTC_USD);
        assertThat(CoinbaseTrades.toInstrument("BTCUSD")).isNull();
        assertThat(CoinbaseTrades.toInstrument("BTC-USD-X")).isNull();
        assertThat(CoinbaseTrades.productId(SKL_USD)).isEqualTo("SKL-USD");
    }

    @Test
    void backfillPagesByTradeIdAndParsesTheDocumentedAnswer() {
        TradeBackfill backfill = adapter.backfill().orElseThrow();

        assertThat(backfill.maxLimit()).isEqualTo(1000);
        assertThat(backfill.request(BTC_USD, 74L, 2).uri())
                .isEqualTo(
                        URI.create(
                                "https://api.exchange.coinbase.com/products/BTC-USD/trades?after=76&limit=2"));
        assertThat(backfill.request(BTC_USD, 0L, 5000).uri().getQuery())
                .isEqualTo("after=1000&limit=1000");

        assertThat(backfill.parse(Resources.text("/rest/coinbase/trades.json"), BTC_USD, RECEIVED))
                .isEqualTo(
                        trades(
                                trade(
                                        "BTC-USD",
                                        1415398769578544L,
                                        75L,
                                        "10.00000000",
                                        "0.02000000",
                                        Side.BUY),
                                trade(
                                        "BTC-USD",
                                        1415398768578544L,
                                        74L,
                                        "10.00000000",
                                        "0.01000000",
                                        Side.SELL)));
        assertThat(backfill.parse("[]", BTC_USD, RECEIVED)).isEqualTo(new Trades(List.of()));
        assertThat(
                        ((Malformed)
                                        backfill.parse(
                                                "{\"message\":\"NotFound\"}", BTC_USD, RECEIVED))
                                .reason())
                .isEqualTo("malformed_json");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"type\":\"match\"|malformed_json",
                "{\"type\":\"l2update\"}|unknown_event",
                "{\"product_id\":\"BTC-USD\"}|unknown_message",
                "{\"type\":\"heartbeat\",\"product_id\":\"BTC-USD\"}|missing_field",
                "{\"type\":\"heartbeat\",\"product_id\":\"BTCUSD\",\"last_trade_id\":1}|unknown_symbol",
                "{\"type\":\"heartbeat\",\"product_id\":\"BTC-USD\",\"last_trade_id\":-1}|bad_trade_id",
                "{\"type\":\"match\",\"trade_id\":1,\"side\":\"sell\",\"size\":\"1\",\"product_id\":\"BTC-USD\",\"time\":\"2021-04-17T16:43:37.121358Z\"}|missing_field",
                "{\"type\":\"match\",\"trade_id\":1,\"side\":\"sell\",\"size\":\"1\",\"price\":0.79,\"product_id\":\"BTC-USD\",\"time\":\"2021-04-17T16:43:37.121358Z\"}|missing_field",
                "{\"type\":\"match\",\"trade_id\":1,\"side\":\"sell\",\"size\":\"1\",\"price\":\"0.0\",\"product_id\":\"BTC-USD\",\"time\":\"2021-04-17T16:43:37.121358Z\"}|bad_price",
                "{\"type\":\"match\",\"trade_id\":1,\"side\":\"sell\",\"size\":\"\",\"price\":\"1\",\"product_id\":\"BTC-USD\",\"time\":\"2021-04-17T16:43:37.121358Z\"}|bad_quantity",
                "{\"type\":\"match\",\"trade_id\":1,\"side\":\"sell\",\"size\":\"1\",\"price\":\"1\",\"product_id\":\"BTC-USD\",\"time\":\"2021-13-17T16:43:37Z\"}|bad_timestamp",
                "{\"type\":\"match\",\"trade_id\":1,\"side\":\"sell\",\"size\":\"1\",\"price\":\"1\",\"product_id\":\"BTC-USD\",\"time\":\"2001-01-01T00:00:00Z\"}|bad_timestamp",
                "{\"type\":\"match\",\"trade_id\":99999999999999999999999,\"side\":\"sell\",\"size\":\"1\",\"price\":\"1\",\"product_id\":\"BTC-USD\",\"time\":\"2021-04-17T16:43:37.121358Z\"}|bad_trade_id",
                "{\"type\":\"match\",\"trade_id\":1,\"side\":\"sell\",\"size\":\"1\",\"price\":\"1\",\"product_id\":\"BTC-USD-PERP\",\"time\":\"2021-04-17T16:43:37.121358Z\"}|unknown_symbol",
            })
    void badFramesBecomeMalformedWithAReason(String frame, String reason) {
        ParsedFrame parsed = adapter.parse(frame, RECEIVED);
        assertThat(parsed).isInstanceOf(Malformed.class);
        assertThat(((Malformed) parsed).reason()).isEqualTo(reason);
    }

    private static Trade trade(
            String instrument, long micros, long id, String price, String qty, Side side) {
        return new Trade(
                Venue.COINBASE,
                InstrumentId.parse(instrument),
                micros,
                RECEIVED,
                id,
                new BigDecimal(price),
                new BigDecimal(qty),
                side,
                Long.toString(id));
    }

    private static Trades trades(Trade... trades) {
        return new Trades(List.of(trades));
    }
}
