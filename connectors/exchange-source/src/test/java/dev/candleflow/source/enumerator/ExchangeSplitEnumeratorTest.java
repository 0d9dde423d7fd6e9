package dev.candleflow.source.enumerator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Venue;
import dev.candleflow.source.split.ExchangeSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.mocks.MockSplitEnumeratorContext;
import org.junit.jupiter.api.Test;

class ExchangeSplitEnumeratorTest {

    private static List<ExchangeSplit> splits(int n) {
        List<ExchangeSplit> splits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            splits.add(
                    new ExchangeSplit(
                            "binance-" + i,
                            Venue.BINANCE,
                            List.of(new InstrumentId("C" + i, "USDT")),
                            Map.of()));
        }
        return splits;
    }

    @Test
    void everySplitGoesToExactlyOneReaderAndAllAreAssigned() throws Exception {
        try (MockSplitEnumeratorContext<ExchangeSplit> ctx = new MockSplitEnumeratorContext<>(2)) {
            ExchangeSplitEnumerator e = new ExchangeSplitEnumerator(ctx, SplitLayout.of(splits(5)));
            ctx.registerReader(new ReaderInfo(0, "h"));
            ctx.registerReader(new ReaderInfo(1, "h"));
            e.handleSplitRequest(0, "h");
            e.handleSplitRequest(1, "h");
            List<ExchangeSplit> r0 = ctx.getSplitsAssignmentSequence().get(0).assignment().get(0);
            List<ExchangeSplit> r1 = ctx.getSplitsAssignmentSequence().get(1).assignment().get(1);
            assertThat(r0).isNotEmpty().doesNotContainAnyElementsOf(r1);
            assertThat(r0.size() + r1.size()).isEqualTo(5);
            assertThat(e.snapshotState(1).unassigned()).isEmpty();
            assertThat(e.snapshotState(1).layout())
                    .as("the layout names the assigned splits too")
                    .isEqualTo(splits(5));
        }
    }

    @Test
    void returnedSplitsGoBackToTheirReaderOnItsNextRequest() throws Exception {
        try (MockSplitEnumeratorContext<ExchangeSplit> ctx = new MockSplitEnumeratorContext<>(1)) {
            ExchangeSplitEnumerator e = new ExchangeSplitEnumerator(ctx, SplitLayout.of(splits(2)));
            ctx.registerReader(new ReaderInfo(0, "h"));
            e.handleSplitRequest(0, "h");
            List<ExchangeSplit> first =
                    ctx.getSplitsAssignmentSequence().get(0).assignment().get(0);
            e.addSplitsBack(first, 0);
            assertThat(e.snapshotState(2).unassigned()).containsExactlyInAnyOrderElementsOf(first);
            e.handleSplitRequest(0, "h");
            assertThat(ctx.getSplitsAssignmentSequence().get(1).assignment().get(0))
                    .containsExactlyInAnyOrderElementsOf(first);
        }
    }
}
