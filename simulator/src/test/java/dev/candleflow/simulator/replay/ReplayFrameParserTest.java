package dev.candleflow.simulator.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.simulator.market.SimTrade;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ReplayFrameParserTest {

    private static final String PAYLOAD =
            "{\"e\":\"trade\",\"E\":1700000000100,\"s\":\"BTCUSDT\",\"t\":3300000001,"
                    + "\"p\":\"36512.34000000\",\"q\":\"0.00150000\",\"T\":1700000000099,"
                    + "\"m\":true,\"M\":true}";

    private final ReplayFrameParser parser = new ReplayFrameParser();

    @Test
    void combinedWrapperKeepsTheExactRecordedPayload() {
        String line = "{\"stream\":\"btcusdt@trade\",\"data\":" + PAYLOAD + "}";
        ReplayFrame frame = parser.parse(line);
        assertThat(frame.route()).contains(new ReplayFrame.Route("btcusdt@trade", PAYLOAD));
        assertThat(frame.eventTimeMillis()).hasValue(1700000000100L);
        assertThat(frame.trade())
                .contains(
                        new SimTrade(
                                "BTCUSDT",
                                3300000001L,
                                new BigDecimal("36512.34000000"),
                                new BigDecimal("0.00150000"),
                                1700000000099L,
                                true));
    }

    @Test
    void wrapperWithDataFirstAndSpacesStillSlicesTheData() {
        String data = "{ \"e\":\"trade\", \"E\":5, \"s\":\"X\", \"p\":0.10 }";
        ReplayFrame frame = parser.parse("{\"data\": " + data + " , \"stream\":\"x@trade\"}");
        assertThat(frame.route()).contains(new ReplayFrame.Route("x@trade", data));
        assertThat(frame.trade()).isEmpty();
    }

    @Test
    void rawPayloadGetsItsStreamFromSymbolAndEvent() {
        ReplayFrame frame = parser.parse(PAYLOAD);
        assertThat(frame.route()).contains(new ReplayFrame.Route("btcusdt@trade", PAYLOAD));
        assertThat(frame.trade()).isPresent();
    }

    @Test
    void otherEventsRouteByTheirOwnStreamName() {
        String agg = "{\"e\":\"aggTrade\",\"E\":1,\"s\":\"BNBBTC\",\"a\":1}";
        assertThat(parser.parse(agg).route())
                .contains(new ReplayFrame.Route("bnbbtc@aggTrade", agg));
        assertThat(parser.parse(agg).trade()).isEmpty();
    }

    @Test
    void garbageAcksAndTrailingJunkAreVerbatim() {
        for (String line :
                new String[] {
                    "this is not json {",
                    "{\"result\":null,\"id\":1}",
                    PAYLOAD + " trailing",
                    "[1,2,3]",
                    "42"
                }) {
            ReplayFrame frame = parser.parse(line);
            assertThat(frame.route()).as(line).isEmpty();
            assertThat(frame.line()).isEqualTo(line);
            assertThat(frame.trade()).isEmpty();
        }
    }

    @Test
    void tradeWithBadNumbersIsForwardedButNotRecorded() {
        String bad = PAYLOAD.replace("\"36512.34000000\"", "\"NaN-ish\"");
        ReplayFrame frame = parser.parse(bad);
        assertThat(frame.route()).isPresent();
        assertThat(frame.trade()).isEmpty();
    }
}
