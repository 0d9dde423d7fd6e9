package dev.candleflow.job.kafka;

import dev.candleflow.model.Candle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Exactly-once Kafka sinks: transactions committed with each Flink checkpoint. */
public final class CandleKafkaSinks {

    private CandleKafkaSinks() {}

    public static KafkaSink<Candle> candles(
            String bootstrapServers,
            String topic,
            String transactionalIdPrefix,
            Duration transactionTimeout) {
        return KafkaSink.<Candle>builder()
                .setBootstrapServers(bootstrapServers)
                .setRecordSerializer(new CandleSerializer(topic))
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(transactionalIdPrefix)
                // The builder's default (1 h) exceeds the broker's default maximum (15 min).
                .setProperty("transaction.timeout.ms", Long.toString(transactionTimeout.toMillis()))
                .build();
    }

    /**
     * Key {@code venue|symbol|interval|openTime}, so a compacted topic keeps the newest revision.
     */
    static final class CandleSerializer implements KafkaRecordSerializationSchema<Candle> {
        private static final long serialVersionUID = 1L;
        private final String topic;

        CandleSerializer(String topic) {
            this.topic = topic;
        }

        @Override
        public ProducerRecord<byte[], byte[]> serialize(
                Candle candle, KafkaSinkContext context, Long timestamp) {
            return new ProducerRecord<>(
                    topic,
                    null,
                    candle.openTimeMicros() / 1000L,
                    candle.key().getBytes(StandardCharsets.UTF_8),
                    CandleJson.toJson(candle));
        }
    }
}
