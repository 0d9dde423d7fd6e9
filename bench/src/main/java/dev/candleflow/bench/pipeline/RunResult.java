package dev.candleflow.bench.pipeline;

import java.util.List;

/**
 * One run of a job over the tape.
 *
 * @param seconds from the first frame the source released to the last record at any sink
 * @param problems what the correctness check found wrong; empty when the output is complete
 * @param extraRevisions larger-interval candles re-emitted without late trades ({@link
 *     CandleCheck})
 */
record RunResult(
        String run,
        long trades,
        double seconds,
        LatencySamples venueLive,
        LatencySamples consolidatedLive,
        List<String> problems,
        long extraRevisions) {

    double tradesPerSecond() {
        return trades / seconds;
    }

    Latency venueLatency() {
        return venueLive.summary();
    }

    Latency consolidatedLatency() {
        return consolidatedLive.summary();
    }
}
