package dev.candleflow.query.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candleflow.query.http.ClientAddressResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings: defaults, overrides, files, and errors that name the setting. */
class QueryServiceConfigLoaderTest {

    @Test
    void defaultsAreUsable() {
        QueryServiceConfig c = QueryServiceConfigLoader.fromArgs();
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.clickHouse().endpoint().toString()).isEqualTo("http://127.0.0.1:18123");
        assertThat(c.clickHouse().database()).isEqualTo("market");
        assertThat(c.kafka().liveTopic()).isEqualTo("candles.live");
        assertThat(c.auth().anonymous()).isFalse();
        assertThat(c.cache().ttl()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void argumentsOverrideAndUrlsOfEitherFormWork() {
        QueryServiceConfig c =
                QueryServiceConfigLoader.fromArgs(
                        "--port=9000",
                        "--clickhouse.url",
                        "http://ch:8123",
                        "--cache.ttl",
                        "250 ms");
        assertThat(c.port()).isEqualTo(9000);
        assertThat(c.clickHouse().endpoint().toString()).isEqualTo("http://ch:8123");
        assertThat(c.cache().ttl()).isEqualTo(Duration.ofMillis(250));
        assertThat(
                        QueryServiceConfigLoader.httpEndpoint("jdbc:clickhouse:https://h:8443")
                                .toString())
                .isEqualTo("https://h:8443");
    }

    @Test
    void badSettingsFailNamingTheSetting() {
        assertThatThrownBy(() -> QueryServiceConfigLoader.fromArgs("--prot", "1"))
                .hasMessageContaining("Unknown setting(s) [prot]");
        assertThatThrownBy(() -> QueryServiceConfigLoader.fromArgs("--port", "70000"))
                .hasMessageContaining("'port'")
                .hasMessageContaining("between 0 and 65535");
        assertThatThrownBy(() -> QueryServiceConfigLoader.fromArgs("--clickhouse.url", "ch:8123"))
                .hasMessageContaining("'clickhouse.url'");
        assertThatThrownBy(
                        () ->
                                QueryServiceConfigLoader.fromArgs(
                                        "--clickhouse.url", "jdbc:clickhouse://h:1/market"))
                .hasMessageContaining("clickhouse.database");
        assertThatThrownBy(
                        () -> QueryServiceConfigLoader.fromArgs("--clickhouse.database", "x; drop"))
                .hasMessageContaining("'clickhouse.database'");
        assertThatThrownBy(() -> QueryServiceConfigLoader.fromArgs("--cache.ttl", "soon"))
                .hasMessageContaining("'cache.ttl'");
        assertThatThrownBy(() -> QueryServiceConfigLoader.fromArgs("--auth.anonymous", "maybe"))
                .hasMessageContaining("'auth.anonymous'");
        assertThatThrownBy(() -> QueryServiceConfigLoader.fromArgs("--prices.interval", "7m"))
                .hasMessageContaining("'prices.interval'");
        assertThatThrownBy(() -> QueryServiceConfigLoader.fromArgs("--port"))
                .hasMessageContaining("has no value");
    }

    @Test
    void proxiesCompressionAndMetricsSettings() {
        QueryServiceConfig defaults = QueryServiceConfigLoader.fromArgs();
        assertThat(defaults.http().trustedProxies()).isEmpty();
        assertThat(defaults.http().forwardedHeader())
                .isEqualTo(ClientAddressResolver.Header.X_FORWARDED_FOR);
        assertThat(defaults.http().compression()).isTrue();
        assertThat(defaults.http().compressionMinSize()).isEqualTo(1024);
        assertThat(defaults.metrics().isProtected()).isFalse();
        QueryServiceConfig c =
                QueryServiceConfigLoader.fromArgs(
                        "--http.trusted-proxies",
                        " 10.0.0.0/8, 192.0.2.7 ,fd00::/8,",
                        "--http.forwarded-header",
                        "forwarded",
                        "--metrics.token",
                        "abcdefghijklmnop");
        assertThat(c.http().trustedProxies())
                .extracting(Object::toString)
                .containsExactly("10.0.0.0/8", "192.0.2.7/32", "fd00:0:0:0:0:0:0:0/8");
        assertThat(c.http().forwardedHeader()).isEqualTo(ClientAddressResolver.Header.FORWARDED);
        assertThat(c.metrics().isProtected()).isTrue();
        assertThat(c.metrics().toString()).doesNotContain("abcdefghijklmnop");
        assertThat(QueryServiceConfigLoader.fromArgs("--metrics.protected", "true").metrics())
                .extracting(QueryServiceConfig.Metrics::isProtected)
                .isEqualTo(true);
        assertThatThrownBy(
                        () ->
                                QueryServiceConfigLoader.fromArgs(
                                        "--http.trusted-proxies", "lb.internal"))
                .hasMessageContaining("'http.trusted-proxies'")
                .hasMessageContaining("lb.internal");
        assertThatThrownBy(
                        () ->
                                QueryServiceConfigLoader.fromArgs(
                                        "--http.trusted-proxies", "10.0.0.0/40"))
                .hasMessageContaining("'http.trusted-proxies'");
        assertThatThrownBy(
                        () ->
                                QueryServiceConfigLoader.fromArgs(
                                        "--http.forwarded-header", "X-Real-IP"))
                .hasMessageContaining("'http.forwarded-header'");
        assertThatThrownBy(() -> QueryServiceConfigLoader.fromArgs("--metrics.token", "short"))
                .hasMessageContaining("'metrics.token'")
                .hasMessageNotContaining("short");
        assertThatThrownBy(
                        () ->
                                QueryServiceConfigLoader.fromArgs(
                                        "--metrics.token", "with spaces inside it"))
                .hasMessageContaining("'metrics.token'");
    }

    @Test
    void aConfigFileIsReadAndArgumentsWin(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("query.conf");
        Files.writeString(file, "port: 9100\nclickhouse.database: analytics\n");
        QueryServiceConfig c =
                QueryServiceConfigLoader.fromArgs("--config", file.toString(), "--port", "9200");
        assertThat(c.port()).isEqualTo(9200);
        assertThat(c.clickHouse().database()).isEqualTo("analytics");
        assertThat(QueryServiceConfigLoader.parseArgs("--a=1", "--b", "2"))
                .isEqualTo(Map.of("a", "1", "b", "2"));
    }

    @Test
    void everySettingIsInTheReadme() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (Option<?> o : QueryServiceOptions.all()) {
            assertThat(readme).as("README documents `%s`", o.key()).contains("`" + o.key() + "`");
        }
    }
}
