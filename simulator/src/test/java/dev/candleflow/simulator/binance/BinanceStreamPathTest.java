package dev.candleflow.simulator.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BinanceStreamPathTest {

    @Test
    void rawStream() {
        assertThat(BinanceStreamPath.parse("/ws/btcusdt@trade"))
                .contains(new BinanceStreamPath(false, List.of("btcusdt@trade")));
    }

    @Test
    void bareRawEndpointHasNoStreams() {
        assertThat(BinanceStreamPath.parse("/ws"))
                .contains(new BinanceStreamPath(false, List.of()));
        assertThat(BinanceStreamPath.parse("/ws/"))
                .contains(new BinanceStreamPath(false, List.of()));
    }

    @Test
    void combinedStreams() {
        assertThat(BinanceStreamPath.parse("/stream?streams=btcusdt@trade/ethusdt@trade"))
                .contains(new BinanceStreamPath(true, List.of("btcusdt@trade", "ethusdt@trade")));
    }

    @Test
    void combinedWithoutStreamsAndWithOtherParams() {
        assertThat(BinanceStreamPath.parse("/stream"))
                .contains(new BinanceStreamPath(true, List.of()));
        assertThat(BinanceStreamPath.parse("/stream?timeUnit=MILLISECOND&streams=a@trade"))
                .contains(new BinanceStreamPath(true, List.of("a@trade")));
    }

    @Test
    void percentEncodedNamesAreDecoded() {
        assertThat(BinanceStreamPath.parse("/stream?streams=btcusdt%40trade"))
                .contains(new BinanceStreamPath(true, List.of("btcusdt@trade")));
    }

    @Test
    void otherPathsAreUnknown() {
        assertThat(BinanceStreamPath.parse("/")).isEmpty();
        assertThat(BinanceStreamPath.parse("/wsx")).isEmpty();
        assertThat(BinanceStreamPath.parse("/streams?streams=a@trade")).isEmpty();
        assertThat(BinanceStreamPath.parse(null)).isEmpty();
    }
}
