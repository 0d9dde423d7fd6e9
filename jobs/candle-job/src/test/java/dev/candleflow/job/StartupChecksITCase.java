package dev.candleflow.job;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candleflow.job.config.CandleJobConfigLoader;
import dev.candleflow.local.ClickHouseExtension;
import dev.candleflow.local.ClickHouseServer;
import dev.candleflow.local.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An unreachable ClickHouse or Kafka stops the start with a message naming the setting. */
@ExtendWith(ClickHouseExtension.class)
class StartupChecksITCase {

    @Test
    void unreachableClickHouseNamesTheSetting() {
        int nobody = FreePorts.pick();
        var config =
                CandleJobConfigLoader.fromArgs(
                        "--clickhouse.url", "jdbc:clickhouse://127.0.0.1:" + nobody);
        assertThatThrownBy(() -> CandleJob.prepareStorage(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("clickhouse.url:")
                .hasMessageContaining("127.0.0.1:" + nobody);
    }

    @Test
    void unreachableKafkaNamesTheSetting(ClickHouseServer ch) {
        int nobody = FreePorts.pick();
        var config =
                CandleJobConfigLoader.fromArgs(
                        "--clickhouse.url", "jdbc:clickhouse://127.0.0.1:" + ch.httpPort(),
                        "--clickhouse.database", "it_startup",
                        "--kafka.bootstrap-servers", "127.0.0.1:" + nobody);
        assertThatThrownBy(() -> CandleJob.prepareStorage(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("kafka.bootstrap-servers:")
                .hasMessageContaining("127.0.0.1:" + nobody);
    }
}
