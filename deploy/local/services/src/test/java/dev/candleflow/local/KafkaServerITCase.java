package dev.candleflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real KRaft broker JVM: transactions, idempotent topic creation, stop, restart with data. */
class KafkaServerITCase {

    private static final String TOPIC = "candles-it";

    @TempDir Path dataDir;

    @Test
    void readCommittedSeesOnlyCommittedTransactionsAndDataSurvivesARestart() throws Exception {
        KafkaServer kafka = KafkaServer.start(dataDir);
        try {
            kafka.createTopic(TOPIC, 3);
            kafka.createTopic(TOPIC, 3); // idempotent
            try (KafkaProducer<String, String> producer = producer(kafka)) {
                producer.initTransactions();
                send(producer, "committed-", 10, true);
                send(producer, "aborted-", 5, false);
                send(producer, "late-", 1, true);
            }
            List<String> values = readAll(kafka, "read_committed");
            assertThat(values)
                    .hasSize(11)
                    .noneMatch(v -> v.startsWith("aborted-"))
                    .contains("committed-0", "committed-9", "late-0");
            assertThat(readAll(kafka, "read_uncommitted")).hasSize(16);
        } finally {
            kafka.close();
        }
        assertThat(kafka.isRunning()).isFalse();
        assertThat(ProcessHandle.of(kafka.pid()).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(FreePorts.isFree(kafka.port())).isTrue();
        kafka.close(); // idempotent

        try (KafkaServer restarted = KafkaServer.start(dataDir);
                Admin admin =
                        Admin.create(Map.of("bootstrap.servers", restarted.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get()).contains(TOPIC);
            assertThat(readAll(restarted, "read_committed")).hasSize(11);
        }
    }

    private static KafkaProducer<String, String> producer(KafkaServer kafka) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "local-services-it");
        props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "60000");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static void send(
            KafkaProducer<String, String> producer, String prefix, int count, boolean commit) {
        producer.beginTransaction();
        for (int i = 0; i < count; i++) {
            producer.send(new ProducerRecord<>(TOPIC, prefix + i, prefix + i));
        }
        if (commit) {
            producer.commitTransaction();
        } else {
            producer.flush();
            producer.abortTransaction();
        }
    }

    /** Everything up to the end offsets (the last stable offset for read_committed). */
    private static List<String> readAll(KafkaServer kafka, String isolation) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            Set<TopicPartition> partitions =
                    consumer.partitionsFor(TOPIC).stream()
                            .map(p -> new TopicPartition(TOPIC, p.partition()))
                            .collect(Collectors.toSet());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record :
                        consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }
}
