package dev.candleflow.source.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void delaysStayUnderADoublingCeilingCappedAtMax() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), 7);
        long[] ceilings = {100, 200, 400, 800, 1000, 1000, 1000};
        for (long ceiling : ceilings) {
            assertThat(b.nextDelay().toMillis()).isBetween(0L, ceiling);
        }
        assertThat(b.attempts()).isEqualTo(ceilings.length);
        b.reset();
        assertThat(b.attempts()).isZero();
    }

    @Test
    void jitterSpreadsDelaysOverTheWholeRange() {
        Backoff b = new Backoff(Duration.ofMillis(1000), Duration.ofMillis(1000), 1);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 1000; i++) {
            long d = b.nextDelay().toMillis();
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        assertThat(min).isLessThan(100);
        assertThat(max).isGreaterThan(900);
    }
}
