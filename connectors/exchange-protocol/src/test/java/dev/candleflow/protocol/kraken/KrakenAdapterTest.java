package dev.candleflow.protocol.kraken;

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

class KrakenAdapterTest {

    private final KrakenAdapter adapter = new KrakenAdapter();

    @Test
    void parsesDocumentedFramesToExactTrades() {
        List<ParsedFrame> parsed =
                Resources.lines("/frames/kraken/trades.jsonl").stream()
                        .map(f -> adapter.parse(f, RECEIVED))
                        .toList();

        // Snapshot trades are real trades; the numbers keep their wire text, not a double's.
        assertThat(parsed.get(2))
                .isEqualTo(
                        new Trades(
                                List.of(
                                        trade(
                                                "MATIC-USD",
                                                1695628116925533L,
                                                4665846L,
                                                "0.5147",
                                                "6423.46326",
                                                Side.BUY),
                                        trade(
                                                "MATIC-USD",
                                                1695628176925603L,
                                                4665847L,
                                                "0.5147",
                                                "1136.19677815",
                                                Side.BUY))));
        assertThat(parsed.get(3))
                .isEqualTo(
                        new Trades(
                                List.of(
                                        trade(
                                                "BTC-USD",
                                                1695628177708706L,
                                                72560001L,
                                                "26000.1",
                                                "0.00500000",
                                                Side.SELL))));
    }

    @Test
    void turnsProtocolFramesIntoControls() {
        List<ParsedFrame> parsed =
                Resources.lines("/frames/kraken/trades.jsonl").stream()
                        .map(f -> adapter.parse(f, RECEIVED))
                        .toList();

        assertThat(parsed.get(0)).isEqualTo(new ParsedFrame.Ignored("status"));
        assertThat(parsed.get(1)).isEqualTo(new Control(ControlKind.SUBSCRIBED, "trade BTC/USD"));
        assertThat(parsed.get(4)).isEqualTo(new Control(ControlKind.HEARTBEAT, "heartbeat"));
        assertThat(parsed.get(5)).isEqualTo(new Control(ControlKind.HEARTBEAT, "pong"));
        assertThat(parsed.get(6))
                .isEqualTo(
                        new Control(
                                ControlKind.ERROR,
                                "subscribe ABC/USD: Currency pair not supported ABC/USD"));
    }

    @Test
    void subscribesWithSnapshotsInRequestsOfFiftySymbols() {
        assertThat(adapter.subscribeMessages(List.of(InstrumentId.parse("BTC-USD"))))
                .containsExactly(
                        "{\"method\":\"subscribe\",\"params\":{\"channel\":\"trade\","
                                + "\"symbol\":[\"BTC/USD\"],\"snapshot\":true}}");
        List<InstrumentId> many =
                IntStream.range(0, 120).mapToObj(i -> new InstrumentId("C" + i, "EUR")).toList();
        List<String> messages = adapter.subscribeMessages(many);
        assertThat(messages).hasSize(3);
        assertThat(messages.get(2))
                .startsWith(
                        "{\"method\":\"subscribe\",\"params\":{\"channel\":\"trade\","
                                + "\"symbol\":[\"C100/EUR\",")
                .endsWith("\"C119/EUR\"],\"snapshot\":true}}");
    }

    @Test
    void connectsToV2AndReliesOnServerHeartbeats() {
        assertThat(adapter.venue()).isEqualTo(Venue.KRAKEN);
        assertThat(adapter.endpoint(List.of())).isEqualTo(URI.create("wss://ws.kraken.com/v2"));
        assertThat(new KrakenAdapter(URI.create("ws://localhost:9002/")).endpoint(List.of()))
                .isEqualTo(URI.create("ws://localhost:9002/v2"));
        assertThat(adapter.heartbeat()).isEmpty();
        assertThat(adapter.idleTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(adapter.sequencePolicy()).isEqualTo(SequencePolicy.STRICT_INCREMENT);
        assertThat(adapter.maxInstrumentsPerConnection()).isEqualTo(200);
        assertThat(adapter.backfill()).isEmpty(); // REST pages by nanosecond time, not by id
        assertThat(ExchangeAdapters.forVenue(Venue.KRAKEN, VenueEndpoints.LIVE))
                .isInstanceOf(KrakenAdapter.class);
    }

    @Test
    void mapsSymbolsBothWaysIncludingLegacyXbt() {
        assertThat(KrakenTrades.toInstrument("BTC/USD")).isEqualTo(InstrumentId.parse("BTC-USD"));
        assertThat(KrakenTrades.toInstrument("XBT/USD")).isEqualTo(InstrumentId.parse("BTC-USD"));
        assertThat(KrakenTrades.toInstrument("XDG/EUR")).isEqualTo(InstrumentId.parse("DOGE-EUR"));
        assertThat(KrakenTrades.toInstrument("BTCUSD")).isNull();
        assertThat(KrakenTrades.toInstrument("BTC/USD/X")).isNull();
        assertThat(KrakenTrades.symbol(InstrumentId.parse("ETH-EUR"))).isEqualTo("ETH/EUR");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"channel\":|malformed_json",
                "{\"channel\":\"book\",\"type\":\"update\",\"data\":[]}|unknown_event",
                "{\"method\":\"add_order\",\"success\":true}|unknown_event",
                "{\"type\":\"update\"}|unknown_message",
                "{\"channel\":\"trade\",\"type\":\"update\"}|missing_field",
                "{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"side\":\"sell\",\"price\":1,\"qty\":1,\"timestamp\":\"2023-09-25T07:49:37.708706Z\"}]}|missing_field",
                "{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"side\":\"sell\",\"price\":true,\"qty\":1,\"trade_id\":1,\"timestamp\":\"2023-09-25T07:49:37.708706Z\"}]}|missing_field",
                "{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"side\":\"sell\",\"price\":-1,\"qty\":1,\"trade_id\":1,\"timestamp\":\"2023-09-25T07:49:37.708706Z\"}]}|bad_price",
                "{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"side\":\"sell\",\"price\":1e400,\"qty\":1,\"trade_id\":1,\"timestamp\":\"2023-09-25T07:49:37.708706Z\"}]}|bad_price",
                "{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"side\":\"sell\",\"price\":1,\"qty\":0,\"trade_id\":1,\"timestamp\":\"2023-09-25T07:49:37.708706Z\"}]}|bad_quantity",
                "{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"side\":\"sell\",\"price\":1,\"qty\":1,\"trade_id\":1,\"timestamp\":\"yesterday\"}]}|bad_timestamp",
                "{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTC/USD\",\"side\":\"sell\",\"price\":1,\"qty\":1,\"trade_id\":1.5,\"timestamp\":\"2023-09-25T07:49:37.708706Z\"}]}|bad_trade_id",
                "{\"channel\":\"trade\",\"type\":\"update\",\"data\":[{\"symbol\":\"BTCUSD\",\"side\":\"sell\",\"price\":1,\"qty\":1,\"trade_id\":1,\"timestamp\":\"2023-09-25T07:49:37.708706Z\"}]}|unknown_symbol",
            })
    void badFramesBecomeMalformedWithAReason(String frame, String reason) {
        ParsedFrame parsed = adapter.parse(frame, RECEIVED);
        assertThat(parsed).isInstanceOf(Malformed.class);
        assertThat(((Malformed) parsed).reason()).isEqualTo(reason);
    }

    private static Trade trade(
            String instrument, long micros, long id, String price, String qty, Side side) {
        return new Trade(
                Venue.KRAKEN,
                InstrumentId.parse(instrument),
                micros,
                RECEIVED,
                id,
                new BigDecimal(price),
                new BigDecimal(qty),
                side,
                Long.toString(id));
    }
}
