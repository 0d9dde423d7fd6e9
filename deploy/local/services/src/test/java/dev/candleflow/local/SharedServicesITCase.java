package dev.candleflow.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs two probe classes in one nested JUnit run: both must see the same ClickHouse and Kafka
 * (started once per run), and both must be stopped and deleted when that run ends.
 */
class SharedServicesITCase {

    /** What a probe saw; filled by the nested run, read by the outer test. */
    record Seen(
            String probe,
            int clickHousePort,
            long clickHousePid,
            Path clickHouseDir,
            int kafkaPort,
            long kafkaPid,
            Path kafkaDir) {}

    // Test-only: the nested run's probes report here, the outer test reads it afterwards.
    static final List<Seen> SEEN = new CopyOnWriteArrayList<>();

    @Test
    void oneServerPerRunSharedByClassesAndStoppedAtTheEnd() {
        SEEN.clear();
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(ProbeA.class), selectClass(ProbeB.class))
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(SEEN).hasSize(2);
        Seen a = SEEN.get(0);
        Seen b = SEEN.get(1);
        assertThat(a.probe()).isNotEqualTo(b.probe());
        assertThat(b.clickHousePort()).isEqualTo(a.clickHousePort());
        assertThat(b.clickHousePid()).isEqualTo(a.clickHousePid());
        assertThat(b.kafkaPort()).isEqualTo(a.kafkaPort());
        assertThat(b.kafkaPid()).isEqualTo(a.kafkaPid());
        for (long pid : new long[] {a.clickHousePid(), a.kafkaPid()}) {
            assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        }
        assertThat(a.clickHouseDir()).doesNotExist();
        assertThat(a.kafkaDir()).doesNotExist();
    }

    static void record(String probe, ClickHouseServer ch, KafkaServer kafka) throws Exception {
        assertThat(ch.execute("SELECT 1").strip()).isEqualTo("1");
        kafka.createTopic("probe", 1);
        SEEN.add(
                new Seen(
                        probe,
                        ch.httpPort(),
                        ch.pid(),
                        ch.dataDir(),
                        kafka.port(),
                        kafka.pid(),
                        kafka.dataDir()));
    }

    /** Uses parameter resolution. */
    @ExtendWith({ClickHouseExtension.class, KafkaExtension.class})
    static class ProbeA {
        @Test
        void probe(ClickHouseServer ch, KafkaServer kafka) throws Exception {
            record("A", ch, kafka);
        }
    }

    /** Uses the static accessors. */
    @ExtendWith({ClickHouseExtension.class, KafkaExtension.class})
    static class ProbeB {
        @Test
        void probe() throws Exception {
            record("B", ClickHouseExtension.server(), KafkaExtension.server());
        }
    }
}
