package dev.candleflow.source.reader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.model.FeedHealth;
import dev.candleflow.model.Venue;
import java.time.Duration;
import org.apache.flink.metrics.testutils.MetricListener;
import org.junit.jupiter.api.Test;

class HealthReporterTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long NOW_MICROS = 1_700_000_000_000_000L;

    @Test
    void reportsDeltasOverEachIntervalWithLagPercentiles() {
        MetricListener listener = new MetricListener();
        SplitMetrics m =
                new FeedMetrics(listener.getMetricGroup()).split("binance-0", Venue.BINANCE);
        HealthReporter r =
                new HealthReporter("binance-0", Venue.BINANCE, m, Duration.ofSeconds(10), 0L);

        assertThat(r.due(9 * SECOND, NOW_MICROS, FeedHealth.State.OPEN)).isEmpty();
        m.frame(100, NOW_MICROS - 2_000_000);
        m.frame(50, NOW_MICROS - 1_000_000);
        m.trades.inc(2);
        m.gaps.inc();
        m.tradesBackfilled.inc(5);
        m.reconnects.inc();
        for (int lag = 1; lag <= 100; lag++) {
            m.lag.update(lag);
        }
        FeedHealth first =
                r.due(10 * SECOND, NOW_MICROS, FeedHealth.State.BACKFILLING).orElseThrow();
        assertThat(first.venue()).isEqualTo(Venue.BINANCE);
        assertThat(first.splitId()).isEqualTo("binance-0");
        assertThat(first.state()).isEqualTo(FeedHealth.State.BACKFILLING);
        assertThat(first.frames()).isEqualTo(2);
        assertThat(first.bytes()).isEqualTo(150);
        assertThat(first.trades()).isEqualTo(2);
        assertThat(first.gaps()).isEqualTo(1);
        assertThat(first.tradesBackfilled()).isEqualTo(5);
        assertThat(first.reconnects()).isEqualTo(1);
        assertThat(first.lastMessageAgeMs()).isEqualTo(1000);
        assertThat(first.lagP50Ms()).isEqualTo(50.0);
        assertThat(first.lagP99Ms()).isEqualTo(99.0);

        m.trades.inc();
        FeedHealth second = r.due(20 * SECOND, NOW_MICROS, FeedHealth.State.OPEN).orElseThrow();
        assertThat(second.trades()).as("a delta, not a total").isEqualTo(1);
        assertThat(second.frames()).isZero();
        assertThat(second.lagP50Ms()).as("no trades in the interval").isEqualTo(-1.0);

        assertThat(listener.getCounter("venue", "binance", "split", "binance-0", "trades"))
                .hasValueSatisfying(c -> assertThat(c.getCount()).isEqualTo(3));
        assertThat(listener.getHistogram("venue", "binance", "split", "binance-0", "lagMs"))
                .hasValueSatisfying(h -> assertThat(h.getCount()).isEqualTo(100));
        assertThat(listener.getGauge("venue", "binance", "split", "binance-0", "lastMessageAgeMs"))
                .isPresent();
    }

    @Test
    void theLagHistogramKeepsTheNewestSamples() {
        LagHistogram h = new LagHistogram();
        for (long i = 0; i < LagHistogram.SIZE + 10; i++) {
            h.update(i);
        }
        assertThat(h.getCount()).isEqualTo(LagHistogram.SIZE + 10);
        assertThat(h.getStatistics().size()).isEqualTo(LagHistogram.SIZE);
        assertThat(h.getStatistics().getMin()).isEqualTo(10);
        assertThat(h.getStatistics().getMax()).isEqualTo(LagHistogram.SIZE + 9);
        double[] p = h.takeIntervalPercentiles();
        assertThat(p[1]).isGreaterThan(p[0]);
        assertThat(h.takeIntervalPercentiles()).containsExactly(-1.0, -1.0);
    }
}
