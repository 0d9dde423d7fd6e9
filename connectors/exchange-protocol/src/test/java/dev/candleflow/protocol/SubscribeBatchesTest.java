package dev.candleflow.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SubscribeBatchesTest {

    @Test
    void splitsByCountKeepingOrder() {
        assertThat(SubscribeBatches.byCount(List.of(1, 2, 3, 4, 5), 2))
                .containsExactly(List.of(1, 2), List.of(3, 4), List.of(5));
        assertThat(SubscribeBatches.byCount(List.of(), 10)).isEmpty();
        assertThatThrownBy(() -> SubscribeBatches.byCount(List.of(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void splitsByLengthWithoutEverExceedingTheLimit() {
        List<String> requests =
                SubscribeBatches.byLength(List.of("aaaa", "bbbb", "cccc"), "[", "]", 11);
        // "[aaaa,bbbb]" is exactly 11 characters; "cccc" starts the next request.
        assertThat(requests).containsExactly("[aaaa,bbbb]", "[cccc]");
        assertThat(SubscribeBatches.byLength(List.of(), "[", "]", 11)).isEmpty();
        assertThatThrownBy(() -> SubscribeBatches.byLength(List.of("x".repeat(20)), "[", "]", 11))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
