package dev.candleflow.job.config;

import java.io.Serializable;
import java.util.List;

/** The Kafka topics the job writes. */
public record Topics(
        String candles, String live, String outliers, String deadLetters, String feedHealth)
        implements Serializable {

    public Topics {
        List<String> names =
                java.util.Arrays.asList(candles, live, outliers, deadLetters, feedHealth);
        for (String t : names) {
            if (t == null || t.isBlank()) {
                throw new IllegalArgumentException("kafka.topic.*: topic names must not be empty");
            }
        }
        if (names.stream().distinct().count() < names.size()) {
            throw new IllegalArgumentException("kafka.topic.*: each output needs its own topic");
        }
    }

    /** Every topic, for creating them at start-up. */
    public List<String> all() {
        return java.util.Arrays.asList(candles, live, outliers, deadLetters, feedHealth);
    }
}
