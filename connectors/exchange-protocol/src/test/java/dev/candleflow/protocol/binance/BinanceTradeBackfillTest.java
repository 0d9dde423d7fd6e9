package dev.candleflow.protocol.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Side;
import dev.candleflow.model.Trade;
import dev.candleflow.model.Venue;
import dev.candleflow.protocol.BackfillRequest;
import dev.candleflow.protocol.ParsedFrame;
import dev.candleflow.protocol.ParsedFrame.Malformed;
import dev.candleflow.protocol.ParsedFrame.Trades;
import dev.candleflow.protocol.TradeBackfill;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BinanceTradeBackfillTest {

    private static final InstrumentId BTC = InstrumentId.parse("BTC-USDT");
    private static final long RECEIVED = 1_672_515_790_000_000L;

    private final TradeBackfill backfill =
            new BinanceAdapter(URI.create("ws://127.0.0.1:9"), URI.create("http://127.0.0.1:8/"))
                    .backfill()
                    .orElseThrow();

    @Test
    void liveAdapterBackfillsFromTheLiveRestApi() {
        BackfillRequest r = new BinanceAdapter().backfill().orElseThrow().request(BTC, 5, 10);
        assertThat(r.uri())
                .isEqualTo(
                        URI.create(
                                "https://api.binance.com/api/v3/historicalTrades"
                                        + "?symbol=BTCUSDT&fromId=5&limit=10"));
        assertThat(r.headers()).isEmpty(); // public market data: no API key
    }

    @Test
    void asksForOneSymbolFromATradeIdWithinTheVenueLimit() {
        assertThat(backfill.maxLimit()).isEqualTo(1000);
        assertThat(backfill.request(BTC, 2_490_125_311L, 1000).uri())
                .isEqualTo(
                        URI.create(
                                "http://127.0.0.1:8/api/v3/historicalTrades"
                                        + "?symbol=BTCUSDT&fromId=2490125311&limit=1000"));
        assertThatThrownBy(() -> backfill.request(BTC, 1, 1001))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> backfill.request(BTC, -1, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesARecordedPageToExactTrades() throws IOException {
        ParsedFrame parsed = backfill.parse(resource("historicalTrades.json"), BTC, RECEIVED);
        assertThat(parsed).isInstanceOf(Trades.class);
        assertThat(((Trades) parsed).trades())
                .containsExactly(
                        trade(
                                2490125311L,
                                "16578.50000000",
                                "0.00100000",
                                1672515782135L,
                                Side.SELL),
                        trade(
                                2490125312L,
                                "16578.49000000",
                                "0.01200000",
                                1672515782140L,
                                Side.BUY),
                        trade(
                                2490125313L,
                                "16578.51000000",
                                "0.25000000",
                                1672515782140L,
                                Side.BUY));
    }

    @Test
    void anEmptyPageIsNoTradesAndAnErrorObjectIsAVenueError() throws IOException {
        assertThat(backfill.parse("[]", BTC, RECEIVED)).isEqualTo(new Trades(java.util.List.of()));
        ParsedFrame error = backfill.parse(resource("error-invalid-symbol.json"), BTC, RECEIVED);
        assertThat(error).isInstanceOf(Malformed.class);
        assertThat(((Malformed) error).reason()).isEqualTo("venue_error");
        assertThat(((Malformed) error).detail()).contains("-1121").contains("Invalid symbol.");
    }

    @Test
    void leavesOutUnusableElementsSoTheirIdsShowAsMissing() {
        String body =
                "[{\"id\":7,\"price\":\"1.0\",\"qty\":\"2.0\",\"time\":1672515782135,\"isBuyerMaker\":true},"
                    + "{\"id\":8,\"price\":\"0\",\"qty\":\"2.0\",\"time\":1672515782135,\"isBuyerMaker\":true},"
                    + "{\"id\":9,\"price\":\"1.5\",\"qty\":\"2.0\",\"time\":1672515782136,\"isBuyerMaker\":false},"
                    + "17]";
        Trades t = (Trades) backfill.parse(body, BTC, RECEIVED);
        assertThat(t.trades()).extracting(Trade::sequence).containsExactly(7L, 9L);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''|empty_response",
                "not json|malformed_json",
                "[{\"id\":1|malformed_json",
                "[] []|malformed_json",
                "\"text\"|malformed_json",
                "[{\"id\":8,\"price\":\"-1\",\"qty\":\"2\",\"time\":1672515782135,\"isBuyerMaker\":true}]|bad_response",
                "[{\"price\":\"1\",\"qty\":\"2\",\"time\":1672515782135,\"isBuyerMaker\":true}]|bad_response",
                "[{\"id\":8,\"price\":1.5,\"qty\":\"2\",\"time\":1672515782135,\"isBuyerMaker\":true}]|bad_response",
                "[{\"id\":8,\"price\":\"1\",\"qty\":\"2\",\"time\":99,\"isBuyerMaker\":true}]|bad_response",
            })
    void neverThrowsOnBadBodies(String body, String reason) {
        ParsedFrame parsed = backfill.parse(body, BTC, RECEIVED);
        assertThat(parsed).isInstanceOf(Malformed.class);
        assertThat(((Malformed) parsed).reason()).isEqualTo(reason);
    }

    private static Trade trade(long id, String price, String qty, long timeMs, Side side) {
        return new Trade(
                Venue.BINANCE,
                BTC,
                timeMs * 1000L,
                RECEIVED,
                id,
                new BigDecimal(price),
                new BigDecimal(qty),
                side,
                Long.toString(id));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in =
                BinanceTradeBackfillTest.class.getResourceAsStream("/rest/binance/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }
}
