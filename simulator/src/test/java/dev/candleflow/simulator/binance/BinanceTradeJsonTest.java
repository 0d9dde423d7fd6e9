package dev.candleflow.simulator.binance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.simulator.market.SimTrade;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class BinanceTradeJsonTest {

    private static final SimTrade TRADE =
            new SimTrade(
                    "BNBBTC",
                    12345L,
                    new BigDecimal("0.00100000"),
                    new BigDecimal("0.00000100"),
                    1672515782136L,
                    true);

    @Test
    void payloadHasBinanceFieldOrderAndPlainEightDecimalStrings() {
        assertThat(BinanceTradeJson.payload(TRADE))
                .isEqualTo(
                        "{\"e\":\"trade\",\"E\":1672515782136,\"s\":\"BNBBTC\",\"t\":12345,"
                                + "\"p\":\"0.00100000\",\"q\":\"0.00000100\",\"T\":1672515782136,"
                                + "\"m\":true,\"M\":true}");
    }

    @Test
    void streamNameIsLowerCase() {
        assertThat(BinanceTradeJson.streamName("BNBBTC")).isEqualTo("bnbbtc@trade");
    }

    @Test
    void wrapBuildsTheCombinedEnvelope() {
        assertThat(BinanceTradeJson.wrap("bnbbtc@trade", "{\"x\":1}"))
                .isEqualTo("{\"stream\":\"bnbbtc@trade\",\"data\":{\"x\":1}}");
    }

    @Test
    void wrapEscapesOddStreamNames() {
        assertThat(BinanceTradeJson.wrap("a\"b", "{}"))
                .isEqualTo("{\"stream\":\"a\\\"b\",\"data\":{}}");
    }
}
