package dev.candleflow.job;

import dev.candleflow.model.Candle;
import dev.candleflow.model.DeadLetter;
import dev.candleflow.model.OutlierEvent;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;

/**
 * Where each output of the job goes: final candles (and their revisions), live updates of open
 * candles, outlier decisions and dead letters. Tests pass collecting sinks.
 */
public record JobSinks(
        List<Sink<Candle>> finalCandles,
        List<Sink<Candle>> liveCandles,
        List<Sink<OutlierEvent>> outliers,
        List<Sink<DeadLetter>> deadLetters) {

    public JobSinks {
        finalCandles = List.copyOf(finalCandles);
        liveCandles = List.copyOf(liveCandles);
        outliers = List.copyOf(outliers);
        deadLetters = List.copyOf(deadLetters);
    }
}
