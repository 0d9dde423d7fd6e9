package dev.candleflow.job.testutils;

import dev.candleflow.job.kafka.CandleJson;
import dev.candleflow.model.Candle;
import dev.candleflow.model.CandleInterval;
import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Venue;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads candles back the way their consumers do: ClickHouse with FINAL, Kafka read_committed. */
public final class CandleReaders {

    private CandleReaders() {}

    public static List<Candle> fromClickHouse(String databaseUrl) throws SQLException {
        List<Candle> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(databaseUrl, "default", "");
                Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery(
                                "SELECT venue, symbol, interval, toUnixTimestamp64Milli(open_time),"
                                    + " open, high, low, close, volume, quote_volume, vwap,"
                                    + " taker_buy_volume, taker_buy_quote_volume, trade_count,"
                                    + " first_trade_id, last_trade_id, is_final, revision,"
                                    + " toUnixTimestamp64Micro(first_trade_time),"
                                    + " toUnixTimestamp64Micro(last_trade_time),"
                                    + " arrayStringConcat(included_venues, ','),"
                                    + " arrayStringConcat(excluded_venues, ','), median_price FROM"
                                    + " candles FINAL ORDER BY venue, symbol, interval,"
                                    + " open_time")) {
            while (rs.next()) {
                out.add(
                        new Candle(
                                "consolidated".equals(rs.getString(1))
                                        ? null
                                        : Venue.fromId(rs.getString(1)),
                                InstrumentId.parse(rs.getString(2)),
                                CandleInterval.fromLabel(rs.getString(3)),
                                rs.getLong(4) * 1000L,
                                rs.getBigDecimal(5),
                                rs.getBigDecimal(6),
                                rs.getBigDecimal(7),
                                rs.getBigDecimal(8),
                                rs.getBigDecimal(9),
                                rs.getBigDecimal(10),
                                rs.getBigDecimal(11),
                                rs.getBigDecimal(12),
                                rs.getBigDecimal(13),
                                rs.getLong(14),
                                rs.getString(15),
                                rs.getString(16),
                                rs.getLong(19),
                                rs.getLong(20),
                                rs.getString(21),
                                rs.getString(22),
                                rs.getBigDecimal(23),
                                rs.getBoolean(17),
                                rs.getInt(18)));
            }
        }
        return out;
    }

    /** One committed record of a candle topic, for tracing how a candle got to its last state. */
    public record KafkaCandle(
            String key, int partition, long offset, long timestamp, Candle candle) {}

    /** Every committed record of a topic, in partition and offset order. */
    public static List<KafkaCandle> allFromKafka(String bootstrap, String topic) {
        List<KafkaCandle> all = new ArrayList<>();
        consume(
                bootstrap,
                topic,
                r ->
                        all.add(
                                new KafkaCandle(
                                        r.key(),
                                        r.partition(),
                                        r.offset(),
                                        r.timestamp(),
                                        CandleJson.fromJson(r.value()))));
        return all;
    }

    /** The newest record per key of a topic, as a compacting consumer would keep it. */
    public static Map<String, Candle> latestFromKafka(String bootstrap, String topic) {
        Map<String, Candle> latest = new LinkedHashMap<>();
        consume(bootstrap, topic, r -> latest.put(r.key(), CandleJson.fromJson(r.value())));
        return latest;
    }

    private static void consume(
            String bootstrap, String topic, Consumer<ConsumerRecord<String, byte[]>> each) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            int emptyPolls = 0;
            while (emptyPolls < 3) {
                var records = consumer.poll(Duration.ofMillis(500));
                emptyPolls = records.isEmpty() ? emptyPolls + 1 : 0;
                for (ConsumerRecord<String, byte[]> r : records) {
                    each.accept(r);
                }
            }
        }
    }
}
