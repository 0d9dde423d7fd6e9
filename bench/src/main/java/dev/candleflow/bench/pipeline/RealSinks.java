package dev.candleflow.bench.pipeline;

import dev.candleflow.job.CandleJob;
import dev.candleflow.job.JobSinks;
import dev.candleflow.job.config.CandleJobConfig;

/**
 * The production sinks, beside the counting ones, when the harness is given a ClickHouse or Kafka
 * to write to: the job's own ClickHouse and Kafka sinks and storage preparation, each store
 * optional.
 */
final class RealSinks {

    private final CandleJobConfig config;
    private final boolean clickHouse;
    private final boolean kafka;

    RealSinks(CandleJobConfig config, boolean clickHouse, boolean kafka) {
        this.config = config;
        this.clickHouse = clickHouse;
        this.kafka = kafka;
    }

    /** Migrates the ClickHouse schema and creates the Kafka topics, as the job's main does. */
    void prepare() {
        if (clickHouse) {
            CandleJob.prepareClickHouse(config);
        }
        if (kafka) {
            CandleJob.prepareKafka(config);
        }
    }

    /** The counting sinks plus the real ones. */
    JobSinks around(JobSinks counting) {
        return counting.plus(clickHouse ? CandleJob.clickHouseSinks(config) : JobSinks.none())
                .plus(kafka ? CandleJob.kafkaSinks(config) : JobSinks.none());
    }
}
