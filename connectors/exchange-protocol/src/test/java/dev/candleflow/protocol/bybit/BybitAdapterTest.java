package dev.candleflow.protocol.bybit;

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
import dev.candleflow.protocol.VenueEndpoints;
import dev.candleflow.protocol.testutils.Resources;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BybitAdapterTest {

    private final BybitAdapter adapter = new BybitAdapter();

    @Test
    void parsesDocumentedFramesToExactTrades() {
        List<ParsedFrame> parsed =
                Resources.lines("/frames/bybit/trades.jsonl").stream()
                        .map(f -> adapter.parse(f, RECEIVED))
                        .toList();

        assertThat(parsed.get(0)).isEqualTo(new Control(ControlKind.SUBSCRIBED, "subscribe"));
        assertThat(parsed.get(1))
                .isEqualTo(
                        new Trades(
                                List.of(
                                        new Trade(
                                                Venue.BYBIT,
                                                InstrumentId.parse("BTC-USDT"),
                                                1672304486865_000L,
                                                RECEIVED,
                                                1783284617L,
                                                new BigDecimal("16578.50"),
                                                new BigDecimal("0.001"),
                                                Side.BUY,
                                                "20f43950-d8dd-5b31-9112-a178eb6023af"))));
        assertThat(parsed.subList(2, 5)).containsOnly(new Control(ControlKind.HEARTBEAT, "pong"));
        assertThat(parsed.get(5)).isEqualTo(new Control(ControlKind.SUBSCRIBED, "subscribe"));
        assertThat(parsed.get(6)).isEqualTo(new Control(ControlKind.SUBSCRIBED, "subscribe"));
        assertThat(parsed.get(7))
                .isEqualTo(
                        new Control(
                                ControlKind.ERROR,
                                "subscribe failed: Invalid symbol :[publicTrade.BTCUSDX]"));
    }

    @Test
    void keepsTheTradesOfOneFrameInVenueOrder() {
        ParsedFrame parsed = adapter.parse(Resources.text("/frames/bybit/batch.jsonl"), RECEIVED);

        InstrumentId eth = InstrumentId.parse("ETH-USDC");
        assertThat(parsed)
                .isEqualTo(
                        new Trades(
                                List.of(
                                        new Trade(
                                                Venue.BYBIT,
                                                eth,
                                                1672304486990_000L,
                                                RECEIVED,
                                                1783284620L,
                                                new BigDecimal("1196.35"),
                                                new BigDecimal("0.52"),
                                                Side.SELL,
                                                "7d1f1a62-4c5b-5c2e-9e1a-1d2f3a4b5c6d"),
                                        new Trade(
                                                Venue.BYBIT,
                                                eth,
                                                1672304486991_000L,
                                                RECEIVED,
                                                1783284620L,
                                                new BigDecimal("1196.40"),
                                                new BigDecimal("1.25"),
                                                Side.BUY,
                                                "8e2a2b73-5d6c-5d3f-af2b-2e3a4b5c6d7e"))));
    }

    @Test
    void aTradeWithoutSeqHasSequenceZeroBecauseBybitIdsAreNoCounter() {
        String frame =
                "{\"topic\":\"publicTrade.BTCUSDT\",\"type\":\"snapshot\",\"ts\":1672304486868,\"data\":[{\"T\":"
                    + "1672304486865,\"s\":\"BTCUSDT\",\"S\":\"Sell\",\"v\":\"0.001\",\"p\":\"16578.50\",\"i\":"
                    + "\"2290000000036455162\",\"BT\":false}]}";
        Trade trade = ((Trades) adapter.parse(frame, RECEIVED)).trades().get(0);
        assertThat(trade.sequence()).isZero();
        assertThat(trade.tradeId()).isEqualTo("2290000000036455162");
        assertThat(trade.aggressor()).isEqualTo(Side.SELL);
        assertThat(adapter.sequencePolicy()).isEqualTo(SequencePolicy.NONE);
        assertThat(adapter.backfill()).isEmpty();
    }

    @Test
    void subscribesInRequestsOfAtMostTenArgs() {
        assertThat(adapter.subscribeMessages(List.of(InstrumentId.parse("BTC-USDT"))))
                .containsExactly("{\"op\":\"subscribe\",\"args\":[\"publicTrade.BTCUSDT\"]}");

        List<InstrumentId> many =
                IntStream.range(0, 23).mapToObj(i -> new InstrumentId("C" + i, "USDT")).toList();
        List<String> messages = adapter.subscribeMessages(many);

        assertThat(messages).hasSize(3);
        assertThat(messages.get(0))
                .isEqualTo(
                        "{\"op\":\"subscribe\",\"args\":[\"publicTrade.C0USDT\",\"publicTrade.C1USDT\","
                            + "\"publicTrade.C2USDT\",\"publicTrade.C3USDT\",\"publicTrade.C4USDT\","
                            + "\"publicTrade.C5USDT\",\"publicTrade.C6USDT\",\"publicTrade.C7USDT\","
                            + "\"publicTrade.C8USDT\",\"publicTrade.C9USDT\"]}");
        assertThat(messages.get(2))
                .isEqualTo(
                        "{\"op\":\"subscribe\",\"args\":[\"publicTrade.C20USDT\",\"publicTrade.C21USDT\","
                            + "\"publicTrade.C22USDT\"]}");
    }

    @Test
    void connectsToTheSpotEndpointAndPingsEveryTwentySeconds() {
        assertThat(adapter.venue()).isEqualTo(Venue.BYBIT);
        assertThat(adapter.endpoint(List.of()))
                .isEqualTo(URI.create("wss://stream.bybit.com/v5/public/spot"));
        assertThat(new BybitAdapter(URI.create("ws://127.0.0.1:9001")).endpoint(List.of()))
                .isEqualTo(URI.create("ws://127.0.0.1:9001/v5/public/spot"));
        assertThat(adapter.heartbeat())
                .contains(new Heartbeat("{\"op\":\"ping\"}", Duration.ofSeconds(20)));
        assertThat(adapter.idleTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(adapter.maxInstrumentsPerConnection()).isEqualTo(500);
        assertThat(ExchangeAdapters.forVenue(Venue.BYBIT, VenueEndpoints.LIVE))
                .isInstanceOf(BybitAdapter.class);
    }

    @Test
    void mapsSymbolsBothWays() {
        assertThat(BybitTrades.SYMBOLS.toInstrument("BTCUSDT"))
                .isEqualTo(InstrumentId.parse("BTC-USDT"));
        assertThat(BybitTrades.SYMBOLS.toInstrument("USDCUSDT"))
                .isEqualTo(InstrumentId.parse("USDC-USDT"));
        assertThat(BybitTrades.SYMBOLS.toInstrument("ETHBTC"))
                .isEqualTo(InstrumentId.parse("ETH-BTC"));
        assertThat(BybitTrades.SYMBOLS.toInstrument("USDT")).isNull();
        assertThat(BybitTrades.SYMBOLS.toInstrument("BTC-USDT")).isNull();
        assertThat(BybitTrades.symbol(InstrumentId.parse("SOL-USDC"))).isEqualTo("SOLUSDC");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "garbage|malformed_json",
                "{\"topic\":\"publicTrade.BTCUSDT\",\"data\":[|malformed_json",
                "{\"topic\":\"orderbook.1.BTCUSDT\",\"data\":{}}|unknown_event",
                "{\"op\":\"auth\",\"success\":true}|unknown_event",
                "{\"ts\":1}|unknown_message",
                "{\"topic\":\"publicTrade.BTCUSDT\",\"data\":{}}|missing_field",
                "{\"topic\":\"publicTrade.BTCUSDT\",\"data\":[{\"T\":1672304486865,\"S\":\"Buy\",\"v\":\"1\",\"p\":\"1\"}]}|missing_field",
                "{\"topic\":\"publicTrade.BTCUSDT\",\"data\":[{\"T\":\"1672304486865\",\"S\":\"Buy\",\"v\":\"1\",\"p\":\"1\",\"i\":\"x\"}]}|missing_field",
                "{\"topic\":\"publicTrade.BTCUSDT\",\"data\":[{\"T\":1672304486865,\"S\":\"Buy\",\"v\":\"1\",\"p\":\"-5\",\"i\":\"x\"}]}|bad_price",
                "{\"topic\":\"publicTrade.BTCUSDT\",\"data\":[{\"T\":1672304486865,\"S\":\"Buy\",\"v\":\"0\",\"p\":\"1\",\"i\":\"x\"}]}|bad_quantity",
                "{\"topic\":\"publicTrade.BTCUSDT\",\"data\":[{\"T\":1,\"S\":\"Buy\",\"v\":\"1\",\"p\":\"1\",\"i\":\"x\"}]}|bad_timestamp",
                "{\"topic\":\"publicTrade.BTCUSDT\",\"data\":[{\"T\":1672304486865,\"S\":\"Buy\",\"v\":\"1\",\"p\":\"1\",\"i\":\"\"}]}|bad_trade_id",
                "{\"topic\":\"publicTrade.XYZ\",\"data\":[{\"T\":1672304486865,\"S\":\"Buy\",\"v\":\"1\",\"p\":\"1\",\"i\":\"x\"}]}|unknown_symbol",
            })
    void badFramesBecomeMalformedWithAReason(String frame, String reason) {
        ParsedFrame parsed = adapter.parse(frame, RECEIVED);
        assertThat(parsed).isInstanceOf(Malformed.class);
        assertThat(((Malformed) parsed).reason()).isEqualTo(reason);
    }
}
