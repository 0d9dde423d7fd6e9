package dev.candleflow.job.kafka;

import dev.candleflow.model.Candle;
import dev.candleflow.model.DeadLetter;
import dev.candleflow.model.FeedHealth;
import dev.candleflow.model.OutlierEvent;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Exactly-once Kafka sinks: transactions committed with each Flink checkpoint, one transactional id
 * prefix per topic. Record keys make compacted topics keep the newest state of each thing.
 */
public final class CandleKafkaSinks {

    private final String bootstrapServers;
    private final String transactionalIdPrefix;
    private final Duration transactionTimeout;

    public CandleKafkaSinks(
            String bootstrapServers, String transactionalIdPrefix, Duration transactionTimeout) {
        this.bootstrapServers = bootstrapServers;
        this.transactionalIdPrefix = transactionalIdPrefix;
        this.transactionTimeout = transactionTimeout;
    }

    /** Candles keyed {@code venue|symbol|interval|openTime}. */
    public KafkaSink<Candle> candles(String topic) {
        return sink(
                topic,
                new Serializer<>(
                        topic, Candle::key, CandleJson::toJson, c -> c.openTimeMicros() / 1000L));
    }

    public KafkaSink<OutlierEvent> outliers(String topic) {
        return sink(
                topic,
                new Serializer<>(
                        topic, OutlierEvent::key, EventJson::toJson, e -> e.timeMicros() / 1000L));
    }

    /** Feed health keyed by split, so a compacted topic keeps each connection's latest. */
    public KafkaSink<FeedHealth> feedHealth(String topic) {
        return sink(
                topic,
                new Serializer<>(
                        topic,
                        FeedHealth::splitId,
                        EventJson::toJson,
                        h -> h.timeMicros() / 1000L));
    }

    /** Dead letters keyed by venue, so one venue's stay in order. */
    public KafkaSink<DeadLetter> deadLetters(String topic) {
        return sink(
                topic,
                new Serializer<>(
                        topic,
                        d -> d.venue().id(),
                        EventJson::toJson,
                        d -> d.receivedAtMicros() / 1000L));
    }

    private <T> KafkaSink<T> sink(String topic, KafkaRecordSerializationSchema<T> serializer) {
        return KafkaSink.<T>builder()
                .setBootstrapServers(bootstrapServers)
                .setRecordSerializer(serializer)
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(transactionalIdPrefix + "-" + topic)
                // The builder's default (1 h) exceeds the broker's default maximum (15 min).
                .setProperty("transaction.timeout.ms", Long.toString(transactionTimeout.toMillis()))
                .build();
    }

    /** A function Flink can ship with the job. */
    interface SerializableFunction<A, B> extends Function<A, B>, Serializable {}

    /** Key, JSON value and timestamp of one record. */
    static final class Serializer<T> implements KafkaRecordSerializationSchema<T> {
        private static final long serialVersionUID = 1L;
        private final String topic;
        private final SerializableFunction<T, String> key;
        private final SerializableFunction<T, byte[]> value;
        private final SerializableFunction<T, Long> timestamp;

        Serializer(
                String topic,
                SerializableFunction<T, String> key,
                SerializableFunction<T, byte[]> value,
                SerializableFunction<T, Long> timestamp) {
            this.topic = topic;
            this.key = key;
            this.value = value;
            this.timestamp = timestamp;
        }

        @Override
        public ProducerRecord<byte[], byte[]> serialize(
                T element, KafkaSinkContext context, Long ts) {
            return new ProducerRecord<>(
                    topic,
                    null,
                    timestamp.apply(element),
                    key.apply(element).getBytes(StandardCharsets.UTF_8),
                    value.apply(element));
        }
    }
}
