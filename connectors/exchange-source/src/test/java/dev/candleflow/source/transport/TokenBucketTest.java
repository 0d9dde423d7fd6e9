package dev.candleflow.source.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void startsFullThenHandsOutTokensAtTheRate() {
        TokenBucket bucket = new TokenBucket(2.0, 3, now::get);
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.tryAcquire()).isZero();
        }
        assertThat(bucket.tryAcquire()).isEqualTo(Duration.ofMillis(500));
        now.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(bucket.tryAcquire()).isZero();
        now.addAndGet(Duration.ofSeconds(60).toNanos());
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.tryAcquire()).isZero();
        }
        assertThat(bucket.tryAcquire()).isPositive(); // saved-up tokens are capped at the burst
    }

    @Test
    void reservationsSpaceAStormAtTheRate() {
        TokenBucket bucket = new TokenBucket(1.0, 2, now::get);
        long[] waits = new long[6];
        for (int i = 0; i < waits.length; i++) {
            waits[i] = bucket.reserve().toMillis();
        }
        // 300 connections per 5 minutes is 1 a second: a storm of 6 spreads over 4 s.
        assertThat(waits).containsExactly(0, 0, 1000, 2000, 3000, 4000);
    }

    @Test
    void aPauseHoldsEveryTokenBack() {
        TokenBucket bucket = new TokenBucket(10.0, 5, now::get);
        bucket.pauseFor(Duration.ofSeconds(2));
        assertThat(bucket.tryAcquire()).isEqualTo(Duration.ofSeconds(2));
        assertThat(bucket.reserve()).isEqualTo(Duration.ofSeconds(2));
        now.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(bucket.tryAcquire()).isZero();
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new TokenBucket(0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
