package dev.candleflow.job.config;

import java.io.Serializable;
import java.util.List;

/** The Kafka topics the job writes. */
public record Topics(String candles, String live, String outliers, String deadLetters)
        implements Serializable {

    public Topics {
        for (String t : new String[] {candles, live, outliers, deadLetters}) {
            if (t == null || t.isBlank()) {
                throw new IllegalArgumentException("kafka.topic.*: topic names must not be empty");
            }
        }
        if (List.of(candles, live, outliers, deadLetters).stream().distinct().count() < 4) {
            throw new IllegalArgumentException("kafka.topic.*: each output needs its own topic");
        }
    }
}
