package dev.candleflow.source.backfill;

import static dev.candleflow.source.testutils.TestTrades.BTC;
import static dev.candleflow.source.testutils.TestTrades.ETH;
import static dev.candleflow.source.testutils.TestTrades.trade;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Trade;
import dev.candleflow.model.Venue;
import dev.candleflow.protocol.SequencePolicy;
import dev.candleflow.source.FeedEvent;
import dev.candleflow.source.reader.FeedMetrics;
import dev.candleflow.source.reader.SplitMetrics;
import dev.candleflow.source.split.ExchangeSplit;
import dev.candleflow.source.testutils.TestAdapter;
import dev.candleflow.source.testutils.TestTrades;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;

/** Gap detection, hold-back and the order of backfilled trades, with a fake backfill. */
class SequenceGuardTest {

    private static final Duration IDLE = Duration.ofSeconds(60);

    private final SplitMetrics metrics =
            new FeedMetrics(new UnregisteredMetricsGroup()).split("binance-0", Venue.BINANCE);
    private final List<PageRequest> requests = new ArrayList<>();
    private final List<FeedEvent> out = new ArrayList<>();

    private SequenceGuard guard(SequencePolicy policy, int pageLimit, int maxHeld) {
        return guard(policy, pageLimit, maxHeld, Map.of());
    }

    private SequenceGuard guard(
            SequencePolicy policy, int pageLimit, int maxHeld, Map<InstrumentId, Long> last) {
        ExchangeSplit split =
                new ExchangeSplit("binance-0", Venue.BINANCE, List.of(BTC, ETH), last);
        BackfillSettings settings =
                new BackfillSettings(
                        Duration.ofSeconds(1),
                        3,
                        Duration.ofMillis(10),
                        Duration.ofMillis(50),
                        10.0,
                        maxHeld);
        return new SequenceGuard(
                split, new TestAdapter(policy, pageLimit, IDLE), requests::add, metrics, settings);
    }

    private void live(SequenceGuard g, InstrumentId i, long... seqs) {
        for (long s : seqs) {
            g.onTrade(trade(i, s), out::add);
        }
    }

    private void answer(SequenceGuard g, PageRequest r, long fromSeq, long toSeq) {
        List<Trade> page =
                LongStream.rangeClosed(fromSeq, toSeq)
                        .mapToObj(s -> trade(r.instrument(), s))
                        .toList();
        g.onPage(BackfillPage.of(r, page), out::add);
    }

    private List<Long> sequences(InstrumentId i) {
        return out.stream()
                .filter(e -> e.isTrade() && e.trade().instrument().equals(i))
                .map(e -> e.trade().sequence())
                .toList();
    }

    private List<FeedEvent> deadLetters() {
        return out.stream().filter(FeedEvent::isDeadLetter).toList();
    }

    @Test
    void dropsDuplicatesAndPassesAContiguousFeed() {
        SequenceGuard g = guard(SequencePolicy.STRICT_INCREMENT, 1000, 100);
        live(g, BTC, 1, 2, 2, 1, 3, 4);
        assertThat(sequences(BTC)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(metrics.duplicates.getCount()).isEqualTo(2);
        assertThat(requests).isEmpty();
        assertThat(metrics.lag.getCount()).isEqualTo(4);
    }

    @Test
    void backfilledTradesComeFirstInOrderThenTheHeldLiveOnes() {
        SequenceGuard g = guard(SequencePolicy.STRICT_INCREMENT, 1000, 100);
        live(g, BTC, 10, 14, 15);
        live(g, ETH, 7, 8); // other instruments are not held
        assertThat(sequences(BTC)).containsExactly(10L);
        assertThat(sequences(ETH)).containsExactly(7L, 8L);
        assertThat(g.backfilling()).isTrue();
        PageRequest r = requests.get(0);
        assertThat(r.instrument()).isEqualTo(BTC);
        assertThat(r.fromSequence()).isEqualTo(11);
        assertThat(r.limit()).isEqualTo(3); // exactly the gap

        answer(g, r, 11, 13);

        assertThat(sequences(BTC)).containsExactly(10L, 11L, 12L, 13L, 14L, 15L);
        assertThat(g.backfilling()).isFalse();
        assertThat(metrics.gaps.getCount()).isEqualTo(1);
        assertThat(metrics.tradesBackfilled.getCount()).isEqualTo(3);
        assertThat(out.stream().filter(FeedEvent::isTrade).map(e -> e.trade().eventTimeMicros()))
                .as("backfilled trades keep their own event time")
                .contains(trade(BTC, 11).eventTimeMicros());
    }

    @Test
    void tradesHandedOnWhileAnyInstrumentBackfillsAreMarkedCatchingUp() {
        SequenceGuard g = guard(SequencePolicy.STRICT_INCREMENT, 1000, 100, Map.of(BTC, 9L));
        live(g, ETH, 1);
        live(g, BTC, 10, 14);
        live(g, ETH, 2, 3); // ETH flows on while BTC backfills: out of order across the two
        answer(g, requests.get(0), 11, 13);
        live(g, ETH, 4);
        live(g, BTC, 15);

        assertThat(
                        out.stream()
                                .filter(FeedEvent::isTrade)
                                .map(
                                        e ->
                                                e.trade().instrument()
                                                        + "#"
                                                        + e.trade().sequence()
                                                        + (e.catchingUp()
                                                                ? " floor "
                                                                        + (e.catchUpFloorMicros()
                                                                                        / 1000
                                                                                - TestTrades
                                                                                        .BASE_MILLIS)
                                                                : "")))
                .containsExactly(
                        "ETH-USDT#1",
                        "BTC-USDT#10",
                        // BTC's backfill starts after #10: nothing older than that is to come
                        "ETH-USDT#2 floor 10",
                        "ETH-USDT#3 floor 10",
                        "BTC-USDT#11 floor 11",
                        "BTC-USDT#12 floor 12",
                        "BTC-USDT#13 floor 13",
                        "BTC-USDT#14 floor 14", // merged with the page that ends the gap
                        "ETH-USDT#4",
                        "BTC-USDT#15");
    }

    @Test
    void pagesThroughALongGapByThePageLimit() {
        SequenceGuard g = guard(SequencePolicy.STRICT_INCREMENT, 1000, 100);
        live(g, BTC, 1, 2502);
        answer(g, requests.get(0), 2, 1001);
        answer(g, requests.get(1), 1002, 2001);
        answer(g, requests.get(2), 2002, 2501);
        assertThat(requests)
                .extracting(PageRequest::fromSequence, PageRequest::limit)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2L, 1000),
                        org.assertj.core.groups.Tuple.tuple(1002L, 1000),
                        org.assertj.core.groups.Tuple.tuple(2002L, 500));
        assertThat(sequences(BTC)).hasSize(2502).isSorted();
        assertThat(metrics.tradesBackfilled.getCount()).isEqualTo(2500);
    }

    @Test
    void whatTheVenueNoLongerHasIsReportedAndTheRestFilled() {
        SequenceGuard g = guard(SequencePolicy.STRICT_INCREMENT, 1000, 100);
        live(g, BTC, 100, 200);
        answer(g, requests.get(0), 150, 199); // retention starts at 150
        assertThat(sequences(BTC)).startsWith(100L, 150L).endsWith(199L, 200L).hasSize(52);
        assertThat(deadLetters()).hasSize(1);
        FeedEvent dl = deadLetters().get(0);
        assertThat(dl.deadLetter().reason()).isEqualTo("unrecoverable_gap");
        assertThat(dl.deadLetter().payload())
                .contains("\"instrument\":\"BTC-USDT\"")
                .contains("\"fromSequence\":101")
                .contains("\"toSequence\":149")
                .contains("\"fromTimeMicros\":" + trade(BTC, 100).eventTimeMicros());
        assertThat(metrics.unrecoverableGaps.getCount()).isEqualTo(1);
        assertThat(metrics.tradesUnrecovered.getCount()).isEqualTo(49);
    }

    @Test
    void aFailedBackfillReportsTheGapAndReleasesTheHeldTrades() {
        SequenceGuard g = guard(SequencePolicy.STRICT_INCREMENT, 1000, 100);
        live(g, BTC, 1, 5, 6);
        g.onPage(BackfillPage.failed(requests.get(0), "HTTP 503 after 3 attempt(s)"), out::add);
        assertThat(sequences(BTC)).containsExactly(1L, 5L, 6L);
        assertThat(deadLetters())
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.deadLetter().detail())
                                    .contains("2..4")
                                    .contains("HTTP 503");
                            assertThat(e.deadLetter().payload()).contains("\"toSequence\":4");
                        });
        assertThat(g.backfilling()).isFalse();
    }

    @Test
    void asksAgainLaterWhenRestLagsThenGivesUp() {
        SequenceGuard g = guard(SequencePolicy.STRICT_INCREMENT, 1000, 100);
        live(g, BTC, 1, 10);
        for (int i = 0; i <= SequenceGuard.MAX_DRY_POLLS; i++) {
            PageRequest r = requests.get(requests.size() - 1);
            g.onPage(BackfillPage.of(r, List.of()), out::add);
        }
        assertThat(requests).hasSize(SequenceGuard.MAX_DRY_POLLS + 1);
        assertThat(requests.get(1).delay()).isEqualTo(Duration.ofMillis(10));
        assertThat(requests.get(2).delay()).isEqualTo(Duration.ofMillis(20));
        assertThat(sequences(BTC)).containsExactly(1L, 10L);
        assertThat(deadLetters()).hasSize(1);
        assertThat(metrics.tradesUnrecovered.getCount()).isEqualTo(8);
    }

    @Test
    void holdsAtMostTheBudgetAndFetchesTheDroppedOnesToo() {
        SequenceGuard g = guard(SequencePolicy.STRICT_INCREMENT, 1000, 3);
        live(g, BTC, 1, 5, 6, 7, 8, 9); // 5,6,7 held; 8 overflows: all dropped; 9 held again
        assertThat(metrics.heldTradesDropped.getCount()).isEqualTo(4);
        answer(g, requests.get(0), 2, 4); // gap end was 4 when asked
        // 2..4 delivered; the held trade 9 is behind the dropped 5..8, so the backfill goes on
        PageRequest next = requests.get(1);
        assertThat(next.fromSequence()).isEqualTo(5);
        answer(g, next, 5, 8);
        assertThat(sequences(BTC)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void aReconnectFetchesWhatTradedMeanwhileAndCountsAGapOnlyIfThereWasOne() {
        SequenceGuard g = guard(SequencePolicy.STRICT_INCREMENT, 1000, 100);
        live(g, BTC, 1, 2);
        live(g, ETH, 50);
        g.onConnected(0L, out::add);
        assertThat(requests).hasSize(2).allMatch(r -> r.limit() == 1000);
        live(g, BTC, 6, 7); // held while BTC is backfilled
        PageRequest btc = requests.stream().filter(r -> r.instrument() == BTC).findFirst().get();
        PageRequest eth = requests.stream().filter(r -> r.instrument() == ETH).findFirst().get();
        answer(g, btc, 3, 7); // REST already has the live ones too
        g.onPage(BackfillPage.of(eth, List.of()), out::add); // nothing traded: caught up
        assertThat(sequences(BTC)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(metrics.gaps.getCount()).isEqualTo(1);
        assertThat(metrics.duplicates.getCount()).isZero();
        assertThat(g.backfilling()).isFalse();
    }

    @Test
    void afterARestoreTheFirstTradeIsCheckedAgainstTheCheckpoint() {
        SequenceGuard g = guard(SequencePolicy.STRICT_INCREMENT, 1000, 100, Map.of(BTC, 41L));
        live(g, BTC, 40, 41, 45);
        assertThat(metrics.duplicates.getCount()).isEqualTo(2);
        assertThat(requests.get(0).fromSequence()).isEqualTo(42);
        answer(g, requests.get(0), 42, 44);
        assertThat(sequences(BTC)).containsExactly(42L, 43L, 44L, 45L);
    }

    @Test
    void aMarkAheadOfTheStateStartsABackfillThatMustReachIt() {
        SequenceGuard g = guard(SequencePolicy.STRICT_INCREMENT, 1000, 100);
        live(g, BTC, 1);
        g.onSequenceMark(BTC, 4, 0L, out::add);
        assertThat(requests.get(0).limit()).isEqualTo(3);
        answer(g, requests.get(0), 2, 4);
        assertThat(sequences(BTC)).containsExactly(1L, 2L, 3L, 4L);
        g.onSequenceMark(BTC, 4, 0L, out::add);
        assertThat(requests).hasSize(1);
    }

    @Test
    void aSecondGapAmongTheHeldTradesIsFilledAfterTheFirst() {
        SequenceGuard g = guard(SequencePolicy.STRICT_INCREMENT, 1000, 100);
        live(g, BTC, 1, 3, 6);
        answer(g, requests.get(0), 2, 2);
        assertThat(requests.get(1).fromSequence()).isEqualTo(4);
        answer(g, requests.get(1), 4, 5);
        assertThat(sequences(BTC)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(metrics.gaps.getCount()).isEqualTo(2);
    }

    @Test
    void withoutBackfillAGapIsReportedWithItsIdsAndTimes() {
        SequenceGuard g = guard(SequencePolicy.STRICT_INCREMENT, 0, 100);
        live(g, BTC, 1, 5);
        assertThat(sequences(BTC)).containsExactly(1L, 5L);
        assertThat(requests).isEmpty();
        assertThat(deadLetters())
                .singleElement()
                .satisfies(
                        e ->
                                assertThat(e.deadLetter().payload())
                                        .contains("\"fromSequence\":2,\"toSequence\":4")
                                        .contains(
                                                "\"toTimeMicros\":"
                                                        + trade(BTC, 5).eventTimeMicros()));
    }

    @Test
    void monotonicVenuesReportTheOutageWindowAfterAReconnect() {
        SequenceGuard g = guard(SequencePolicy.MONOTONIC, 1000, 100);
        live(g, BTC, 1, 5, 5, 9);
        assertThat(sequences(BTC)).containsExactly(1L, 5L, 9L);
        g.frameReceived(1_700_000_000_000_000L);
        g.onConnected(1_700_000_003_000_000L, out::add);
        assertThat(requests).isEmpty();
        assertThat(deadLetters())
                .singleElement()
                .satisfies(
                        e ->
                                assertThat(e.deadLetter().payload())
                                        .contains("\"fromTimeMicros\":1700000000000000")
                                        .contains("\"toTimeMicros\":1700000003000000"));
    }

    @Test
    void withoutSequencesEveryTradePasses() {
        SequenceGuard g = guard(SequencePolicy.NONE, 0, 100);
        live(g, BTC, 3, 3, 1);
        assertThat(sequences(BTC)).containsExactly(3L, 3L, 1L);
    }
}
