package dev.candleflow.protocol.bitstamp;

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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BitstampAdapterTest {

    private static final InstrumentId ETH_USD = InstrumentId.parse("ETH-USD");
    private final BitstampAdapter adapter = new BitstampAdapter();

    @Test
    void parsesRecordedFramesToExactTradesFromTheExactStrings() {
        List<ParsedFrame> parsed =
                Resources.lines("/frames/bitstamp/trades.jsonl").stream()
                        .map(f -> adapter.parse(f, RECEIVED))
                        .toList();

        assertThat(parsed.get(0))
                .isEqualTo(new Control(ControlKind.SUBSCRIBED, "live_trades_ethusd"));
        assertThat(parsed.get(1))
                .isEqualTo(trade(1641343699596000L, 216000477L, "3805.44", "0.07920000", Side.BUY));
        assertThat(parsed.get(2))
                .isEqualTo(
                        trade(1641343709599000L, 216000484L, "3802.93", "0.93100000", Side.SELL));
        // price_str "3800.80" keeps its scale where the number 3800.8 would not.
        assertThat(parsed.get(3))
                .isEqualTo(
                        trade(1641343721269000L, 216000506L, "3800.80", "2.73248242", Side.SELL));
        assertThat(parsed.get(4)).isEqualTo(new Control(ControlKind.HEARTBEAT, "bts:heartbeat"));
        assertThat(parsed.get(5))
                .isEqualTo(new Control(ControlKind.RECONNECT, "bts:request_reconnect"));
        assertThat(parsed.get(6))
                .isEqualTo(new Control(ControlKind.ERROR, "bts:error Incorrect JSON format."));
        assertThat(((Malformed) parsed.get(7)).reason()).isEqualTo("unknown_event");
    }

    @Test
    void subscribesOneChannelPerMessage() {
        assertThat(adapter.subscribeMessages(List.of(InstrumentId.parse("BTC-USD"))))
                .containsExactly(
                        "{\"event\":\"bts:subscribe\",\"data\":{\"channel\":\"live_trades_btcusd\"}}");
        assertThat(adapter.subscribeMessages(List.of(InstrumentId.parse("BTC-EUR"), ETH_USD)))
                .containsExactly(
                        "{\"event\":\"bts:subscribe\",\"data\":{\"channel\":\"live_trades_btceur\"}}",
                        "{\"event\":\"bts:subscribe\",\"data\":{\"channel\":\"live_trades_ethusd\"}}");
    }

    @Test
    void connectsAndSendsItsOwnHeartbeat() {
        assertThat(adapter.venue()).isEqualTo(Venue.BITSTAMP);
        assertThat(adapter.endpoint(List.of())).isEqualTo(URI.create("wss://ws.bitstamp.net"));
        assertThat(adapter.heartbeat())
                .contains(new Heartbeat("{\"event\":\"bts:heartbeat\"}", Duration.ofSeconds(10)));
        assertThat(adapter.idleTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(adapter.sequencePolicy()).isEqualTo(SequencePolicy.MONOTONIC);
        assertThat(adapter.maxInstrumentsPerConnection()).isEqualTo(100);
        assertThat(ExchangeAdapters.forVenue(Venue.BITSTAMP, VenueEndpoints.LIVE))
                .isInstanceOf(BitstampAdapter.class);
    }

    @Test
    void mapsPairsBothWays() {
        assertThat(BitstampTrades.PAIRS.toInstrument("btcusd"))
                .isEqualTo(InstrumentId.parse("BTC-USD"));
        assertThat(BitstampTrades.PAIRS.toInstrument("usdtusd"))
                .isEqualTo(InstrumentId.parse("USDT-USD"));
        assertThat(BitstampTrades.PAIRS.toInstrument("btcusdc"))
                .isEqualTo(InstrumentId.parse("BTC-USDC"));
        assertThat(BitstampTrades.PAIRS.toInstrument("xrpbtc"))
                .isEqualTo(InstrumentId.parse("XRP-BTC"));
        assertThat(BitstampTrades.PAIRS.toInstrument("usd")).isNull();
        assertThat(BitstampTrades.pair(ETH_USD)).isEqualTo("ethusd");
    }

    @Test
    void backfillFetchesTheLastHourAndParsesTheDocumentedAnswer() {
        TradeBackfill backfill = adapter.backfill().orElseThrow();

        assertThat(backfill.request(ETH_USD, 216000477L, 100).uri())
                .isEqualTo(
                        URI.create(
                                "https://www.bitstamp.net/api/v2/transactions/ethusd/?time=hour"));
        assertThat(backfill.maxLimit()).isEqualTo(Integer.MAX_VALUE);

        assertThat(
                        backfill.parse(
                                Resources.text("/rest/bitstamp/transactions.json"),
                                ETH_USD,
                                RECEIVED))
                .isEqualTo(
                        new Trades(
                                List.of(
                                        new Trade(
                                                Venue.BITSTAMP,
                                                ETH_USD,
                                                1641343721_000000L,
                                                RECEIVED,
                                                216000506L,
                                                new BigDecimal("3800.80"),
                                                new BigDecimal("2.73248242"),
                                                Side.SELL,
                                                "216000506"),
                                        new Trade(
                                                Venue.BITSTAMP,
                                                ETH_USD,
                                                1641343699_000000L,
                                                RECEIVED,
                                                216000477L,
                                                new BigDecimal("3805.44"),
                                                new BigDecimal("0.07920000"),
                                                Side.BUY,
                                                "216000477"))));
        assertThat(((Malformed) backfill.parse("[{\"tid\":\"1\"}]", ETH_USD, RECEIVED)).reason())
                .isEqualTo("missing_field");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"event\":|malformed_json",
                "{\"event\":\"order_created\"}|unknown_event",
                "{\"channel\":\"live_trades_btcusd\"}|unknown_message",
                "{\"event\":\"trade\",\"channel\":\"order_book_btcusd\",\"data\":{}}|missing_field",
                "{\"event\":\"trade\",\"channel\":\"live_trades_btcusd\",\"data\":{\"id\":1,\"price\":3805.44,\"amount_str\":\"1\",\"type\":0,\"microtimestamp\":\"1641343699596000\"}}|missing_field",
                "{\"event\":\"trade\",\"channel\":\"live_trades_btcusd\",\"data\":{\"id\":1,\"price_str\":\"1\",\"amount_str\":\"1\",\"type\":2,\"microtimestamp\":\"1641343699596000\"}}|missing_field",
                "{\"event\":\"trade\",\"channel\":\"live_trades_btcusd\",\"data\":{\"id\":1,\"price_str\":\"abc\",\"amount_str\":\"1\",\"type\":0,\"microtimestamp\":\"1641343699596000\"}}|bad_price",
                "{\"event\":\"trade\",\"channel\":\"live_trades_btcusd\",\"data\":{\"id\":1,\"price_str\":\"1\",\"amount_str\":\"0.00000000\",\"type\":0,\"microtimestamp\":\"1641343699596000\"}}|bad_quantity",
                "{\"event\":\"trade\",\"channel\":\"live_trades_btcusd\",\"data\":{\"id\":1,\"price_str\":\"1\",\"amount_str\":\"1\",\"type\":0,\"microtimestamp\":\"1641343699596\"}}|bad_timestamp",
                "{\"event\":\"trade\",\"channel\":\"live_trades_btcusd\",\"data\":{\"id\":\"x1\",\"price_str\":\"1\",\"amount_str\":\"1\",\"type\":0,\"microtimestamp\":\"1641343699596000\"}}|bad_trade_id",
                "{\"event\":\"trade\",\"channel\":\"live_trades_btcxyz\",\"data\":{\"id\":1,\"price_str\":\"1\",\"amount_str\":\"1\",\"type\":0,\"microtimestamp\":\"1641343699596000\"}}|unknown_symbol",
            })
    void badFramesBecomeMalformedWithAReason(String frame, String reason) {
        ParsedFrame parsed = adapter.parse(frame, RECEIVED);
        assertThat(parsed).isInstanceOf(Malformed.class);
        assertThat(((Malformed) parsed).reason()).isEqualTo(reason);
    }

    private static Trades trade(long micros, long id, String price, String qty, Side side) {
        return new Trades(
                List.of(
                        new Trade(
                                Venue.BITSTAMP,
                                ETH_USD,
                                micros,
                                RECEIVED,
                                id,
                                new BigDecimal(price),
                                new BigDecimal(qty),
                                side,
                                Long.toString(id))));
    }
}
