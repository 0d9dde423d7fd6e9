package dev.candleflow.job;

import dev.candleflow.model.Candle;
import dev.candleflow.model.DeadLetter;
import dev.candleflow.model.FeedHealth;
import dev.candleflow.model.OutlierEvent;
import dev.candleflow.model.Trade;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;

/**
 * Where each output of the job goes: final candles (and their revisions), live updates of open
 * candles, outlier decisions, dead letters, feed health and (optionally) the accepted trades. Tests
 * pass collecting sinks.
 */
public record JobSinks(
        List<Sink<Candle>> finalCandles,
        List<Sink<Candle>> liveCandles,
        List<Sink<OutlierEvent>> outliers,
        List<Sink<DeadLetter>> deadLetters,
        List<Sink<FeedHealth>> feedHealth,
        List<Sink<Trade>> trades) {

    public JobSinks {
        finalCandles = List.copyOf(finalCandles);
        liveCandles = List.copyOf(liveCandles);
        outliers = List.copyOf(outliers);
        deadLetters = List.copyOf(deadLetters);
        feedHealth = List.copyOf(feedHealth);
        trades = List.copyOf(trades);
    }

    /** No sinks at all. */
    public static JobSinks none() {
        return new JobSinks(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** These sinks, then {@code more}'s, for each output. */
    public JobSinks plus(JobSinks more) {
        return new JobSinks(
                concat(finalCandles, more.finalCandles),
                concat(liveCandles, more.liveCandles),
                concat(outliers, more.outliers),
                concat(deadLetters, more.deadLetters),
                concat(feedHealth, more.feedHealth),
                concat(trades, more.trades));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
