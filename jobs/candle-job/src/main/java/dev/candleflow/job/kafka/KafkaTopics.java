package dev.candleflow.job.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the job's topics at start-up when they are missing; fails fast when Kafka is not there.
 */
public final class KafkaTopics {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private KafkaTopics() {}

    /** Ensures a topic exists, compacted or not. */
    public static void ensureCompacted(
            String bootstrapServers, String topic, int partitions, boolean compacted) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        try (Admin admin = Admin.create(p)) {
            Set<String> names =
                    admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (names.contains(topic)) {
                return;
            }
            NewTopic t =
                    new NewTopic(topic, partitions, (short) 1)
                            .configs(Map.of("cleanup.policy", "compact"));
            admin.createTopics(Set.of(t)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(
                        "kafka.bootstrap-servers: cannot create topic '"
                                + topic
                                + "' on "
                                + bootstrapServers
                                + ": "
                                + e.getCause(),
                        e);
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "kafka.bootstrap-servers: no Kafka broker answered at "
                            + bootstrapServers
                            + " within "
                            + TIMEOUT.toSeconds()
                            + " s",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking Kafka topics", e);
        }
    }
}
