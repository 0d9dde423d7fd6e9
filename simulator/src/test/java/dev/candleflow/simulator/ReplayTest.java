package dev.candleflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.simulator.market.SimTrade;
import dev.candleflow.simulator.testutils.RecordingClient;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReplayTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String GARBAGE = "this is not json {\"e\":\"trade\"";
    private static final String BTC_1 =
            "{\"e\":\"trade\",\"E\":1700000000100,\"s\":\"BTCUSDT\",\"t\":3300000001,"
                    + "\"p\":\"36512.34000000\",\"q\":\"0.00150000\",\"T\":1700000000099,"
                    + "\"m\":true,\"M\":true}";
    private static final String ETH_1 =
            "{\"e\":\"trade\",\"E\":1700000000250,\"s\":\"ETHUSDT\",\"t\":1900000001,"
                    + "\"p\":\"2051.17000000\",\"q\":\"0.04210000\",\"T\":1700000000249,"
                    + "\"m\":false,\"M\":true}";
    private static final String BTC_2 =
            "{\"e\":\"trade\",\"E\":1700000000400,\"s\":\"BTCUSDT\",\"t\":3300000002,"
                    + "\"p\":\"36512.35000000\",\"q\":\"0.01000000\",\"T\":1700000000400,"
                    + "\"m\":false,\"M\":true}";
    private static final String ETH_2 =
            "{\"e\":\"trade\",\"E\":1700000000900,\"s\":\"ETHUSDT\",\"t\":1900000002,"
                    + "\"p\":\"2051.10000000\",\"q\":\"1.20000000\",\"T\":1700000000899,"
                    + "\"m\":true,\"M\":true}";
    private static final String BTC_3 =
            "{\"e\":\"trade\",\"E\":1700000001500,\"s\":\"BTCUSDT\",\"t\":3300000003,"
                    + "\"p\":\"36511.99000000\",\"q\":\"0.00042000\",\"T\":1700000001499,"
                    + "\"m\":true,\"M\":true}";

    private BinanceSimulator sim;
    private RecordingClient client;

    @AfterEach
    void close() throws InterruptedException {
        if (client != null) {
            client.closeBlocking();
        }
        sim.close();
    }

    @Test
    void rawConnectionGetsItsStreamUnwrappedPlusGarbageInFileOrder() throws Exception {
        sim = replay(BinanceSimulator.REPLAY_FULL_SPEED);
        client = RecordingClient.connect(sim.rawStreamUri("btcusdt@trade"));

        assertThat(sim.awaitFinished(WAIT)).isTrue();
        assertThat(client.next(4, WAIT)).containsExactly(BTC_1, BTC_2, GARBAGE, BTC_3);
        assertThat(client.drain()).isEmpty();
    }

    @Test
    void combinedConnectionGetsItsStreamsWrappedPlusGarbageInFileOrder() throws Exception {
        sim = replay(BinanceSimulator.REPLAY_FULL_SPEED);
        client = RecordingClient.connect(sim.combinedStreamUri("btcusdt@trade", "ethusdt@trade"));

        assertThat(sim.awaitFinished(WAIT)).isTrue();
        assertThat(client.next(6, WAIT))
                .containsExactly(
                        wrap("btcusdt", BTC_1),
                        wrap("ethusdt", ETH_1),
                        wrap("btcusdt", BTC_2),
                        GARBAGE,
                        wrap("ethusdt", ETH_2),
                        wrap("btcusdt", BTC_3));
        assertThat(client.drain()).isEmpty();
    }

    @Test
    void replayWaitsForTheFirstSubscriptionAndRecordsItsTrades() throws Exception {
        sim = replay(BinanceSimulator.REPLAY_FULL_SPEED);
        client = RecordingClient.connect(java.net.URI.create(sim.wsBaseUri() + "/ws"));
        assertThat(sim.isMarketStarted()).isFalse();

        client.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"solusdt@trade\"],\"id\":1}");

        assertThat(client.next(WAIT)).isEqualTo("{\"result\":null,\"id\":1}");
        assertThat(sim.awaitFinished(WAIT)).isTrue();
        assertThat(sim.publishedTrades()).hasSize(6);
        assertThat(sim.publishedTrades().get(0))
                .isEqualTo(
                        new SimTrade(
                                "BTCUSDT",
                                3300000001L,
                                new BigDecimal("36512.34000000"),
                                new BigDecimal("0.00150000"),
                                1700000000099L,
                                true));
        assertThat(sim.eventStartMillis()).hasValue(1700000000100L);
    }

    @Test
    void recordedPaceTimesFactorSpreadsTheFrames() throws Exception {
        // The capture spans 1.4 s of E; at factor 10 it cannot take less than 140 ms.
        sim = replay(10.0);
        long startNanos = System.nanoTime();
        client = RecordingClient.connect(sim.rawStreamUri("btcusdt@trade"));

        assertThat(client.next(4, WAIT)).containsExactly(BTC_1, BTC_2, GARBAGE, BTC_3);
        assertThat(Duration.ofNanos(System.nanoTime() - startNanos))
                .isGreaterThanOrEqualTo(Duration.ofMillis(140));
        assertThat(sim.awaitFinished(WAIT)).isTrue();
    }

    private static BinanceSimulator replay(double speed) throws Exception {
        return BinanceSimulator.builder().replay(capture(), speed).build().start();
    }

    static Path capture() throws URISyntaxException {
        return Path.of(ReplayTest.class.getResource("/replay/binance-trades.jsonl").toURI());
    }

    private static String wrap(String symbol, String payload) {
        return "{\"stream\":\"" + symbol + "@trade\",\"data\":" + payload + "}";
    }
}
