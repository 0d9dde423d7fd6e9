package dev.candleflow.protocol.gateio;

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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GateioAdapterTest {

    private static final InstrumentId BTC_USDT = InstrumentId.parse("BTC-USDT");
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final GateioAdapter adapter =
            new GateioAdapter(GateioAdapter.LIVE_ENDPOINT, GateioAdapter.LIVE_REST_ENDPOINT, CLOCK);

    @Test
    void parsesDocumentedAndRecordedFramesToExactTrades() {
        List<ParsedFrame> parsed =
                Resources.lines("/frames/gateio/trades.jsonl").stream()
                        .map(f -> adapter.parse(f, RECEIVED))
                        .toList();

        assertThat(parsed.get(0)).isEqualTo(new Control(ControlKind.SUBSCRIBED, "spot.trades"));
        // create_time_ms "1606292218213.4578": the fraction below a microsecond is floored.
        assertThat(parsed.get(1))
                .isEqualTo(
                        trades(
                                trade(
                                        "GT-USDT",
                                        1606292218213457L,
                                        309143071L,
                                        "0.4705000000",
                                        "16.4700000000",
                                        Side.SELL)));
        assertThat(parsed.get(2))
                .isEqualTo(
                        trades(
                                trade(
                                        "NEO-BTC",
                                        1619093546958116L,
                                        816995970L,
                                        "0.0018735000",
                                        "0.5000000000",
                                        Side.BUY)));
        assertThat(parsed.get(3)).isEqualTo(new Control(ControlKind.HEARTBEAT, "spot.pong"));
        assertThat(parsed.get(4))
                .isEqualTo(
                        new Control(
                                ControlKind.ERROR,
                                "subscribe spot.trades: code=2, message=unknown currency pair"
                                        + " GIBBERISH_USD"));
        assertThat(((Control) parsed.get(5)).kind()).isEqualTo(ControlKind.RECONNECT);
        assertThat(((Malformed) parsed.get(6)).reason()).isEqualTo("unknown_event");
    }

    @Test
    void stampsSubscribeRequestsWithTheCurrentTimeInBatchesOfFifty() {
        assertThat(adapter.subscribeMessages(List.of(BTC_USDT)))
                .containsExactly(
                        "{\"time\":1704067200,\"channel\":\"spot.trades\",\"event\":\"subscribe\","
                                + "\"payload\":[\"BTC_USDT\"]}");
        List<InstrumentId> many =
                IntStream.range(0, 101).mapToObj(i -> new InstrumentId("C" + i, "USDT")).toList();
        List<String> messages = adapter.subscribeMessages(many);
        assertThat(messages).hasSize(3);
        assertThat(messages.get(2))
                .isEqualTo(
                        "{\"time\":1704067200,\"channel\":\"spot.trades\",\"event\":\"subscribe\","
                                + "\"payload\":[\"C100_USDT\"]}");
    }

    @Test
    void connectsToV4AndPingsWithAStampedSpotPing() {
        assertThat(adapter.venue()).isEqualTo(Venue.GATEIO);
        assertThat(adapter.endpoint(List.of())).isEqualTo(URI.create("wss://api.gateio.ws/ws/v4/"));
        assertThat(adapter.heartbeat())
                .contains(
                        new Heartbeat(
                                "{\"time\":1704067200,\"channel\":\"spot.ping\"}",
                                Duration.ofSeconds(15)));
        assertThat(adapter.idleTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(adapter.sequencePolicy()).isEqualTo(SequencePolicy.MONOTONIC);
        assertThat(adapter.maxInstrumentsPerConnection()).isEqualTo(100);
        assertThat(ExchangeAdapters.forVenue(Venue.GATEIO, VenueEndpoints.LIVE))
                .isInstanceOf(GateioAdapter.class);
    }

    @Test
    void mapsPairsBothWays() {
        assertThat(GateioTrades.toInstrument("BTC_USDT")).isEqualTo(BTC_USDT);
        assertThat(GateioTrades.toInstrument("BTCUSDT")).isNull();
        assertThat(GateioTrades.toInstrument("A_B_C")).isNull();
        assertThat(GateioTrades.pair(InstrumentId.parse("GT-USDT"))).isEqualTo("GT_USDT");
    }

    @Test
    void backfillScrollsForwardFromTheLastId() {
        TradeBackfill backfill = adapter.backfill().orElseThrow();

        assertThat(backfill.maxLimit()).isEqualTo(1000);
        assertThat(backfill.request(BTC_USDT, 1232893232L, 500).uri())
                .isEqualTo(
                        URI.create(
                                "https://api.gateio.ws/api/v4/spot/trades?currency_pair=BTC_USDT"
                                        + "&last_id=1232893231&reverse=false&limit=500"));
        assertThat(backfill.request(BTC_USDT, 0L, 5000).uri().getQuery())
                .isEqualTo("currency_pair=BTC_USDT&last_id=0&reverse=false&limit=1000");
    }

    @Test
    void backfillParsesTheDocumentedAnswerAndRejectsErrors() {
        TradeBackfill backfill = adapter.backfill().orElseThrow();
        String body = Resources.text("/rest/gateio/trades.json");

        assertThat(backfill.parse(body, BTC_USDT, RECEIVED))
                .isEqualTo(
                        trades(
                                trade(
                                        "BTC-USDT",
                                        1548000000123456L,
                                        1232893232L,
                                        "3600.5",
                                        "0.15",
                                        Side.BUY),
                                trade(
                                        "BTC-USDT",
                                        1548000001007000L,
                                        1232893240L,
                                        "3600.4",
                                        "0.002",
                                        Side.SELL)));
        assertThat(reason(backfill.parse(body, InstrumentId.parse("ETH-USDT"), RECEIVED)))
                .isEqualTo("unknown_symbol");
        assertThat(reason(backfill.parse("{\"label\":\"INVALID_CURRENCY\"}", BTC_USDT, RECEIVED)))
                .isEqualTo("malformed_json");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"channel\":\"spot.trades\",|malformed_json",
                "{\"channel\":\"spot.tickers\",\"event\":\"update\"}|unknown_event",
                "{\"channel\":\"spot.trades\",\"event\":\"delete\"}|unknown_event",
                "{\"time\":1}|unknown_message",
                "{\"channel\":\"spot.trades\",\"result\":{}}|missing_field",
                "{\"channel\":\"spot.trades\",\"event\":\"update\",\"result\":{\"id\":1,\"create_time_ms\":\"1606292218213.4578\",\"side\":\"sell\",\"currency_pair\":\"GT_USDT\",\"amount\":\"1\"}}|missing_field",
                "{\"channel\":\"spot.trades\",\"event\":\"update\",\"result\":{\"id\":1,\"create_time_ms\":\"1606292218213.4578\",\"side\":\"sell\",\"currency_pair\":\"GT_USDT\",\"amount\":\"1\",\"price\":\"99999999999999999999999\"}}|bad_price",
                "{\"channel\":\"spot.trades\",\"event\":\"update\",\"result\":{\"id\":1,\"create_time_ms\":\"1606292218213.4578\",\"side\":\"sell\",\"currency_pair\":\"GT_USDT\",\"amount\":\"1e-30\",\"price\":\"1\"}}|bad_quantity",
                "{\"channel\":\"spot.trades\",\"event\":\"update\",\"result\":{\"id\":1,\"create_time_ms\":\"NaN\",\"side\":\"sell\",\"currency_pair\":\"GT_USDT\",\"amount\":\"1\",\"price\":\"1\"}}|bad_timestamp",
                "{\"channel\":\"spot.trades\",\"event\":\"update\",\"result\":{\"id\":-7,\"create_time_ms\":\"1606292218213.4578\",\"side\":\"sell\",\"currency_pair\":\"GT_USDT\",\"amount\":\"1\",\"price\":\"1\"}}|bad_trade_id",
                "{\"channel\":\"spot.trades\",\"event\":\"update\",\"result\":{\"id\":1,\"create_time_ms\":\"1606292218213.4578\",\"side\":\"sell\",\"currency_pair\":\"GTUSDT\",\"amount\":\"1\",\"price\":\"1\"}}|unknown_symbol",
            })
    void badFramesBecomeMalformedWithAReason(String frame, String reason) {
        ParsedFrame parsed = adapter.parse(frame, RECEIVED);
        assertThat(parsed).isInstanceOf(Malformed.class);
        assertThat(((Malformed) parsed).reason()).isEqualTo(reason);
    }

    private static Trade trade(
            String instrument, long micros, long id, String price, String qty, Side side) {
        return new Trade(
                Venue.GATEIO,
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

    private static String reason(ParsedFrame parsed) {
        return ((Malformed) parsed).reason();
    }
}
