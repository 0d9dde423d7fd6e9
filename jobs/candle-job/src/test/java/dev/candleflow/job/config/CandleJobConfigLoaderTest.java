package dev.candleflow.job.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candleflow.model.CandleInterval;
import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Venue;
import dev.candleflow.protocol.VenueEndpoints;
import dev.candleflow.source.ExchangeSourceOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CandleJobConfigLoaderTest {

    @Test
    void defaultsAreValid() {
        CandleJobConfig c = CandleJobConfigLoader.fromArgs();
        assertThat(c.subscriptions()).containsOnlyKeys(Venue.BINANCE);
        assertThat(c.candles().intervals())
                .containsExactly(
                        CandleInterval.S1,
                        CandleInterval.M1,
                        CandleInterval.M5,
                        CandleInterval.M15,
                        CandleInterval.H1,
                        CandleInterval.D1);
        assertThat(c.candles().filled())
                .doesNotContain(CandleInterval.S1)
                .contains(CandleInterval.M1);
        assertThat(c.topics().live()).isEqualTo("candles.live");
        assertThat(c.endpoints()).isEmpty();
        assertThat(c.clickHouse().databaseUrl())
                .isEqualTo("jdbc:clickhouse://127.0.0.1:18123/market");
    }

    @Test
    void commandLineOverridesTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("job.conf");
        Files.writeString(
                file,
                "# comment\n"
                        + "symbols: BTC-USDT, eth-usdt\n"
                        + "candles.allowed-lateness: 3 s\n"
                        + "clickhouse.database=a\n");
        CandleJobConfig c =
                CandleJobConfigLoader.fromArgs(
                        "--config",
                        file.toString(),
                        "--clickhouse.database",
                        "b",
                        "--source.endpoint.binance=ws://127.0.0.1:9/",
                        "--source.rest-endpoint.binance=http://127.0.0.1:10",
                        "--source.reconnect.initial-backoff",
                        "250 ms");
        assertThat(c.subscriptions().get(Venue.BINANCE))
                .containsExactly(InstrumentId.parse("BTC-USDT"), InstrumentId.parse("ETH-USDT"));
        assertThat(c.candles().allowedLateness()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.clickHouse().database()).isEqualTo("b");
        assertThat(c.endpoints())
                .containsEntry(
                        Venue.BINANCE,
                        new VenueEndpoints(
                                URI.create("ws://127.0.0.1:9/"),
                                URI.create("http://127.0.0.1:10")));
        assertThat(c.sourceOptions().get(ExchangeSourceOptions.RECONNECT_INITIAL_BACKOFF))
                .isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void errorsNameTheSetting() {
        assertThatThrownBy(() -> CandleJobConfigLoader.fromArgs("--venues", "nasdaq"))
                .hasMessageContaining("'venues'")
                .hasMessageContaining("nasdaq");
        assertThatThrownBy(() -> CandleJobConfigLoader.fromArgs("--symbols", "BTCUSDT"))
                .hasMessageContaining("'symbols'")
                .hasMessageContaining("BASE-QUOTE");
        assertThatThrownBy(() -> CandleJobConfigLoader.fromArgs("--candles.intervals", "1m,7m"))
                .hasMessageContaining("'candles.intervals'")
                .hasMessageContaining("7m");
        assertThatThrownBy(
                        () -> CandleJobConfigLoader.fromArgs("--consolidation.quote-groups", "USD"))
                .hasMessageContaining("'consolidation.quote-groups'");
        assertThatThrownBy(
                        () -> CandleJobConfigLoader.fromArgs("--kafka.topic.outliers", "candles"))
                .hasMessageContaining("own topic");
        assertThatThrownBy(
                        () -> CandleJobConfigLoader.fromArgs("--candles.allowed-lateness", "soon"))
                .hasMessageContaining("candles.allowed-lateness");
        assertThatThrownBy(() -> CandleJobConfigLoader.fromArgs("--clickhouse.url", "http://x"))
                .hasMessageContaining("'clickhouse.url'");
        assertThatThrownBy(
                        () ->
                                CandleJobConfigLoader.fromArgs(
                                        "--source.endpoint.binance", "http://x"))
                .hasMessageContaining("'source.endpoint.binance'");
        assertThatThrownBy(
                        () ->
                                CandleJobConfigLoader.fromArgs(
                                        "--source.rest-endpoint.binance", "ws://x"))
                .hasMessageContaining("'source.rest-endpoint.binance'");
        assertThatThrownBy(() -> CandleJobConfigLoader.fromArgs("--symbol", "BTC-USDT"))
                .hasMessageContaining("Unknown setting 'symbol'")
                .hasMessageContaining("symbols");
        assertThatThrownBy(
                        () -> CandleJobConfigLoader.fromArgs("--kafka.transaction-timeout", "5 s"))
                .hasMessageContaining("kafka.transaction-timeout")
                .hasMessageContaining("checkpoint.interval");
        assertThatThrownBy(() -> CandleJobConfigLoader.fromArgs("--config", "/nonexistent/x.conf"))
                .hasMessageContaining("/nonexistent/x.conf");
        assertThatThrownBy(() -> CandleJobConfigLoader.fromArgs("symbols"))
                .hasMessageContaining("Unexpected argument 'symbols'");
    }
}
