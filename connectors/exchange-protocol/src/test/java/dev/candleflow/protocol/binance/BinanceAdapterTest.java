package dev.candleflow.protocol.binance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Side;
import dev.candleflow.model.Trade;
import dev.candleflow.model.Venue;
import dev.candleflow.protocol.ParsedFrame;
import dev.candleflow.protocol.ParsedFrame.Control;
import dev.candleflow.protocol.ParsedFrame.ControlKind;
import dev.candleflow.protocol.ParsedFrame.Malformed;
import dev.candleflow.protocol.ParsedFrame.Trades;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BinanceAdapterTest {

    private static final long RECEIVED = 1_672_515_782_200_000L;
    private final BinanceAdapter adapter = new BinanceAdapter();

    @Test
    void parsesRecordedFramesToExactTrades() throws IOException {
        List<String> frames = frames("trades.jsonl");
        List<ParsedFrame> parsed = frames.stream().map(f -> adapter.parse(f, RECEIVED)).toList();

        assertThat(parsed.get(0)).isEqualTo(new Control(ControlKind.SUBSCRIBED, "ack"));
        assertThat(parsed.get(1))
                .isEqualTo(
                        trades(
                                "BTC-USDT",
                                1672515782135_000L,
                                2490125311L,
                                "16578.50000000",
                                "0.00100000",
                                Side.SELL));
        assertThat(parsed.get(2))
                .isEqualTo(
                        trades(
                                "ETH-USDT",
                                1672515782139_000L,
                                1034716010L,
                                "1196.35000000",
                                "0.12340000",
                                Side.BUY));
        assertThat(parsed.get(3))
                .isEqualTo(
                        trades(
                                "BNB-BTC",
                                1672515782136_000L,
                                12345L,
                                "0.00100000",
                                "100.00000000",
                                Side.SELL));
        assertThat(parsed.get(4)).isEqualTo(new Control(ControlKind.RECONNECT, "serverShutdown"));
        assertThat(parsed.get(5)).isInstanceOf(Control.class);
        assertThat(((Control) parsed.get(5)).kind()).isEqualTo(ControlKind.ERROR);
        assertThat(((Control) parsed.get(5)).detail()).contains("code=2").contains("SUBSCRIBEX");
    }

    @Test
    void connectionsLiveAtMost24HoursAndTradesComeBackOverRest() {
        assertThat(adapter.maxConnectionAge()).isEqualTo(java.time.Duration.ofHours(24));
        assertThat(adapter.backfill()).isPresent();
        assertThat(adapter.backfill().orElseThrow().maxLimit()).isEqualTo(1000);
    }

    @Test
    void keepsTheVenueStringsExactly() {
        Trades t = (Trades) adapter.parse(tradeFrame("\"0.10000000\"", "\"3.00000000\""), RECEIVED);
        Trade trade = t.trades().get(0);
        assertThat(trade.price()).isEqualTo(new BigDecimal("0.10000000"));
        assertThat(trade.price().multiply(trade.quantity()))
                .isEqualByComparingTo(
                        new BigDecimal("0.3")); // 0.1 * 3 is 0.3, not 0.30000000000000004
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "not json at all|malformed_json",
                "[1,2,3]|malformed_json",
                "{\"e\":\"trade\",\"s\":\"BTCUSDT\"|malformed_json",
                "{\"e\":\"depthUpdate\",\"s\":\"BTCUSDT\"}|unknown_event",
                "{\"foo\":1}|unknown_message",
                "{\"e\":\"trade\",\"s\":\"BTCUSDT\",\"t\":1,\"q\":\"1\",\"T\":1672515782135,\"m\":true}|missing_field",
                "{\"e\":\"trade\",\"s\":\"BTCUSDT\",\"t\":\"1\",\"p\":\"1\",\"q\":\"1\",\"T\":1672515782135,\"m\":true}|missing_field",
                "{\"e\":\"trade\",\"s\":\"BTCUSDT\",\"t\":1,\"p\":16578.5,\"q\":\"1\",\"T\":1672515782135,\"m\":true}|missing_field",
                "{\"e\":\"trade\",\"s\":\"BTCUSDT\",\"t\":1,\"p\":\"NaN\",\"q\":\"1\",\"T\":1672515782135,\"m\":true}|bad_price",
                "{\"e\":\"trade\",\"s\":\"BTCUSDT\",\"t\":1,\"p\":\"-5\",\"q\":\"1\",\"T\":1672515782135,\"m\":true}|bad_price",
                "{\"e\":\"trade\",\"s\":\"BTCUSDT\",\"t\":1,\"p\":\"0.0\",\"q\":\"1\",\"T\":1672515782135,\"m\":true}|bad_price",
                "{\"e\":\"trade\",\"s\":\"BTCUSDT\",\"t\":1,\"p\":\"1e400\",\"q\":\"1\",\"T\":1672515782135,\"m\":true}|bad_price",
                "{\"e\":\"trade\",\"s\":\"BTCUSDT\",\"t\":1,\"p\":\"1\",\"q\":\"0\",\"T\":1672515782135,\"m\":true}|bad_quantity",
                "{\"e\":\"trade\",\"s\":\"BTCUSDT\",\"t\":1,\"p\":\"1\",\"q\":\"1\",\"T\":99999999999999999,\"m\":true}|bad_timestamp",
                "{\"e\":\"trade\",\"s\":\"BTCUSDT\",\"t\":1,\"p\":\"1\",\"q\":\"1\",\"T\":5,\"m\":true}|bad_timestamp",
                "{\"e\":\"trade\",\"s\":\"BTCUSDT\",\"t\":99999999999999999999999,\"p\":\"1\",\"q\":\"1\",\"T\":1672515782135,\"m\":true}|malformed_json",
                "{\"e\":\"trade\",\"s\":\"XYZ\",\"t\":1,\"p\":\"1\",\"q\":\"1\",\"T\":1672515782135,\"m\":true}|unknown_symbol",
            })
    void badFramesBecomeMalformedWithAReason(String frame, String reason) {
        ParsedFrame parsed = adapter.parse(frame, RECEIVED);
        assertThat(parsed).isInstanceOf(Malformed.class);
        assertThat(((Malformed) parsed).reason()).isEqualTo(reason);
    }

    @Test
    void oversizedAndEmptyFramesAreRejectedWithoutParsing() {
        String huge = "{\"x\":\"" + "a".repeat(BinanceAdapter.MAX_FRAME_CHARS) + "\"}";
        assertThat(((Malformed) adapter.parse(huge, RECEIVED)).reason())
                .isEqualTo("oversized_frame");
        assertThat(((Malformed) adapter.parse("", RECEIVED)).reason()).isEqualTo("empty_frame");
    }

    @Test
    void endpointSubscribesThroughTheCombinedStreamUrl() {
        List<InstrumentId> ids =
                List.of(InstrumentId.parse("BTC-USDT"), InstrumentId.parse("ETH-BTC"));
        assertThat(adapter.endpoint(ids))
                .isEqualTo(
                        URI.create(
                                "wss://stream.binance.com:9443/stream?streams=btcusdt@trade/ethbtc@trade"));
        assertThat(new BinanceAdapter(URI.create("ws://127.0.0.1:1234/")).endpoint(ids).toString())
                .isEqualTo("ws://127.0.0.1:1234/stream?streams=btcusdt@trade/ethbtc@trade");
        assertThat(adapter.subscribeMessages(ids)).isEmpty();
        assertThat(adapter.venue()).isEqualTo(Venue.BINANCE);
    }

    @Test
    void mapsSymbolsBothWays() {
        assertThat(BinanceSymbols.toInstrument("FDUSDUSDT"))
                .isEqualTo(InstrumentId.parse("FDUSD-USDT"));
        assertThat(BinanceSymbols.toInstrument("BTCFDUSD"))
                .isEqualTo(InstrumentId.parse("BTC-FDUSD"));
        assertThat(BinanceSymbols.toInstrument("USDT")).isNull();
        assertThat(BinanceSymbols.streamSymbol(InstrumentId.parse("SOL-USDC")))
                .isEqualTo("solusdc");
    }

    private static String tradeFrame(String price, String qty) {
        return "{\"e\":\"trade\",\"E\":1672515782136,\"s\":\"BTCUSDT\",\"t\":7,\"p\":"
                + price
                + ",\"q\":"
                + qty
                + ",\"T\":1672515782135,\"m\":false,\"M\":true}";
    }

    private static Trades trades(
            String symbol, long timeMicros, long id, String price, String qty, Side side) {
        return new Trades(
                List.of(
                        new Trade(
                                Venue.BINANCE,
                                InstrumentId.parse(symbol),
                                timeMicros,
                                RECEIVED,
                                id,
                                new BigDecimal(price),
                                new BigDecimal(qty),
                                side,
                                Long.toString(id))));
    }

    private static List<String> frames(String name) throws IOException {
        try (InputStream in =
                BinanceAdapterTest.class.getResourceAsStream("/frames/binance/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
