package dev.candleflow.job.config;

import dev.candleflow.clickhouse.ClickHouseConnectionOptions;
import dev.candleflow.clickhouse.ClickHouseSinkOptions;
import dev.candleflow.job.candles.CandleSettings;
import dev.candleflow.job.candles.ConsolidationSettings;
import dev.candleflow.job.candles.FatFingerSettings;
import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Venue;
import dev.candleflow.protocol.VenueEndpoints;
import java.io.Serializable;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;

/**
 * The job's settings, parsed once at start-up and validated; operators get these typed values.
 *
 * @param subscriptions instruments per venue
 * @param endpoints WebSocket and REST base URIs replacing venues' live endpoints
 * @param sourceOptions the {@code source.*} settings for the exchange source
 */
public record CandleJobConfig(
        Map<Venue, List<InstrumentId>> subscriptions,
        Map<Venue, VenueEndpoints> endpoints,
        Configuration sourceOptions,
        CandleSettings candles,
        FatFingerSettings fatFinger,
        ConsolidationSettings consolidation,
        QuoteGroups quoteGroups,
        Duration outOfOrderness,
        Duration idleness,
        ClickHouseConnectionOptions clickHouse,
        ClickHouseSinkOptions clickHouseSink,
        boolean storeTrades,
        String kafkaBootstrapServers,
        Topics topics,
        Duration kafkaTransactionTimeout,
        String transactionalIdPrefix,
        Duration checkpointInterval)
        implements Serializable {

    public CandleJobConfig {
        subscriptions = new EnumMap<>(subscriptions);
        endpoints = endpoints.isEmpty() ? new EnumMap<>(Venue.class) : new EnumMap<>(endpoints);
        if (subscriptions.isEmpty()) {
            throw new IllegalArgumentException("venues: at least one venue is required");
        }
        requirePositive("checkpoint.interval", checkpointInterval);
        requirePositive("watermark.idleness", idleness);
        if (outOfOrderness.isNegative()) {
            throw new IllegalArgumentException("watermark.out-of-orderness must be >= 0");
        }
        if (kafkaTransactionTimeout.compareTo(checkpointInterval) <= 0) {
            throw new IllegalArgumentException(
                    "kafka.transaction-timeout ("
                            + kafkaTransactionTimeout
                            + ") must be longer than checkpoint.interval ("
                            + checkpointInterval
                            + ")");
        }
        if (kafkaBootstrapServers.isBlank()) {
            throw new IllegalArgumentException("kafka.bootstrap-servers must be set");
        }
    }

    private static void requirePositive(String key, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(key + " must be > 0, was " + d);
        }
    }
}
