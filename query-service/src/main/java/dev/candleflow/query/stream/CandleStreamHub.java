package dev.candleflow.query.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candleflow.query.config.QueryServiceConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the candle topics ({@code candles}, final; {@code candles.live}, partial) committed-only,
 * on one thread, and feeds a {@link StreamFanout}. Partitions are assigned, not subscribed (no
 * consumer group, nothing committed); topics are looked up every few seconds, so a topic created
 * after the service started (candles.live) is picked up. A restart resumes each partition a bounded
 * number of records before its end.
 */
public final class CandleStreamHub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CandleStreamHub.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration DISCOVERY_PERIOD = Duration.ofSeconds(3);
    private static final Duration POLL = Duration.ofMillis(200);

    private final QueryServiceConfig.Kafka config;
    private final StreamFanout fanout;
    private final int seedPerPartition;
    private final Map<Long, Long> positions = new HashMap<>();
    private final Map<TopicPartition, Integer> topicIndex = new LinkedHashMap<>();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread thread;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile long lastMetadataMillis;
    private volatile Map<String, Boolean> topicsPresent = Map.of();
    private long nextDiscovery;
    private long malformed;

    public CandleStreamHub(
            QueryServiceConfig.Kafka config,
            QueryServiceConfig.Stream stream,
            StreamFanout fanout) {
        this.config = config;
        this.fanout = fanout;
        this.seedPerPartition = Math.max(1, Math.min(stream.replayCapacity(), 10_000));
        this.thread = new Thread(this::run, "candle-stream-hub");
        this.thread.setDaemon(true);
    }

    public void start() {
        consumer = new KafkaConsumer<>(properties());
        thread.start();
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "candleflow-query-service");
        p.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "2000");
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        p.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        return p;
    }

    private void run() {
        try {
            while (stop.getCount() > 0) {
                if (System.currentTimeMillis() >= nextDiscovery) {
                    discover();
                }
                if (topicIndex.isEmpty()) {
                    stop.await(POLL.toMillis(), TimeUnit.MILLISECONDS);
                    continue;
                }
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                    handle(r);
                }
            }
        } catch (WakeupException | InterruptedException e) {
            LOG.debug("Candle stream hub stopping", e);
        } catch (RuntimeException e) {
            LOG.error("Candle stream hub failed; the live stream stops", e);
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
        }
    }

    /** Looks the topics up and assigns partitions not yet read, from near their end. */
    private void discover() {
        nextDiscovery = System.currentTimeMillis() + DISCOVERY_PERIOD.toMillis();
        List<TopicPartition> fresh = new ArrayList<>();
        Map<String, Boolean> present = new LinkedHashMap<>();
        List<String> topics = List.of(config.candlesTopic(), config.liveTopic());
        try {
            for (int t = 0; t < topics.size(); t++) {
                List<PartitionInfo> parts =
                        consumer.partitionsFor(topics.get(t), Duration.ofSeconds(2));
                present.put(topics.get(t), parts != null && !parts.isEmpty());
                for (PartitionInfo pi : parts == null ? List.<PartitionInfo>of() : parts) {
                    TopicPartition tp = new TopicPartition(pi.topic(), pi.partition());
                    if (!topicIndex.containsKey(tp)) {
                        topicIndex.put(tp, t);
                        fresh.add(tp);
                    }
                }
            }
            lastMetadataMillis = System.currentTimeMillis();
            topicsPresent = Map.copyOf(present);
            if (!fresh.isEmpty()) {
                assign(fresh);
            }
        } catch (KafkaException e) {
            LOG.warn("Kafka at {} did not answer: {}", config.bootstrapServers(), e.toString());
        }
    }

    private void assign(List<TopicPartition> fresh) {
        consumer.assign(List.copyOf(topicIndex.keySet()));
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(fresh);
        Map<TopicPartition, Long> end = consumer.endOffsets(fresh);
        for (TopicPartition tp : fresh) {
            long start = Math.max(begin.get(tp), end.get(tp) - seedPerPartition);
            consumer.seek(tp, start);
            fanout.loadedFrom(StreamPosition.slot(topicIndex.get(tp), tp.partition()), start);
        }
        LOG.info("Live stream reads {} (from up to {} records back)", fresh, seedPerPartition);
    }

    private void handle(ConsumerRecord<byte[], byte[]> r) {
        int topic = topicIndex.get(new TopicPartition(r.topic(), r.partition()));
        long slot = StreamPosition.slot(topic, r.partition());
        positions.put(slot, r.offset());
        String key = r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
        String[] k = key.split("\\|");
        if (k.length != 4 || r.value() == null) {
            skip(r, "key '" + key + "'");
            return;
        }
        try {
            JsonNode json = MAPPER.readTree(r.value());
            StreamEvent e =
                    new StreamEvent(
                            topic,
                            r.partition(),
                            r.offset(),
                            key,
                            k[0],
                            k[1],
                            k[2],
                            Long.parseLong(k[3]),
                            json.path("final").asBoolean(topic == StreamEvent.FINAL_TOPIC),
                            MAPPER.writeValueAsString(json),
                            new StreamPosition(positions));
            fanout.publish(e, System.currentTimeMillis());
        } catch (IOException | NumberFormatException e) {
            skip(r, e.getMessage());
        }
    }

    private void skip(ConsumerRecord<byte[], byte[]> r, String why) {
        if (malformed++ % 1000 == 0) {
            LOG.warn(
                    "Skipping a record that is not a candle at {}-{}@{}: {}",
                    r.topic(),
                    r.partition(),
                    r.offset(),
                    why);
        }
    }

    /** True when Kafka answered a metadata request within the last 15 seconds. */
    public boolean connected() {
        return System.currentTimeMillis() - lastMetadataMillis < 15_000;
    }

    /** Whether each candle topic exists, as last seen. */
    public Map<String, Boolean> topics() {
        return topicsPresent;
    }

    public Map<String, Long> lastEventTimes() {
        return fanout.lastEventTimes();
    }

    @Override
    public void close() {
        stop.countDown();
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.debug("Interrupted while stopping the stream hub", e);
        }
    }
}
