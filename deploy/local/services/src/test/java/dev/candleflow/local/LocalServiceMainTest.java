package dev.candleflow.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candleflow.local.LocalServiceMain.Options;
import dev.candleflow.local.LocalServiceMain.Service;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Command-line parsing of the scripts' back end. */
class LocalServiceMainTest {

    @Test
    void parsesAllOptions() {
        Options options =
                LocalServiceMain.parse(
                        new String[] {
                            "kafka",
                            "--data-dir",
                            "d",
                            "--port",
                            "19092",
                            "--second-port",
                            "19093",
                            "--ready-file",
                            "d/ready"
                        });

        assertThat(options)
                .isEqualTo(
                        new Options(Service.KAFKA, Path.of("d"), 19092, 19093, Path.of("d/ready")));
    }

    @Test
    void portsDefaultToFree() {
        Options options = LocalServiceMain.parse(new String[] {"clickhouse", "--data-dir", "d"});

        assertThat(options.port()).isZero();
        assertThat(options.secondPort()).isZero();
        assertThat(options.readyFile()).isNull();
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> LocalServiceMain.parse(new String[] {"postgres"}))
                .hasMessageContaining("unknown service");
        assertThatThrownBy(() -> LocalServiceMain.parse(new String[] {"kafka"}))
                .hasMessageContaining("--data-dir is required");
        assertThatThrownBy(
                        () ->
                                LocalServiceMain.parse(
                                        new String[] {
                                            "kafka", "--data-dir", "d", "--port", "http"
                                        }))
                .hasMessageContaining("not a port");
        assertThatThrownBy(
                        () ->
                                LocalServiceMain.parse(
                                        new String[] {
                                            "kafka", "--data-dir", "d", "--port", "70000"
                                        }))
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> LocalServiceMain.parse(new String[] {"kafka", "--data-dir"}))
                .hasMessageContaining("missing value");
    }
}
