package dev.candleflow.bench.tape;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.model.CandleInterval;
import dev.candleflow.model.Venue;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tape for every venue: each frame read back by the venue's real adapter as the trade meant
 * (the generator checks that for every frame and fails otherwise), evenly split over connections,
 * and expected counts that follow from it.
 */
class TapeGeneratorTest {

    @Test
    void everyVenuesFramesParseAndAddUp() {
        List<Venue> all = Arrays.asList(Venue.values());
        try (Tape tape =
                TapeGenerator.generate(
                        new TapeSpec(7_001, all, 5, 2, 20, 250, true, 1, CandleInterval.S1))) {
            assertThat(tape.size()).isEqualTo(7_001);
            assertThat(tape.expected().trades()).isEqualTo(7_001);
            // 7 venues x 2 connections, each with its symbols' frames only
            assertThat(tape.segments()).hasSize(14);
            for (TapeSegment s : tape.segments()) {
                assertThat(s.frames).doesNotContainNull();
                assertThat(s.events).isNull();
            }
            // 200 trades per venue and symbol at 20/s in event time: about ten seconds each
            assertThat(tape.expected().venueCandles()).isBetween(35L * 9, 35L * 12);
            assertThat(tape.expected().consolidatedCandles()).isBetween(5L * 9, 5L * 12);
            assertThat(tape.expected().volume()).isPositive();
        }
    }

    @Test
    void preParsedTapesHoldTradesAndTheSameTotals() {
        List<Venue> venues = List.of(Venue.BINANCE, Venue.BYBIT);
        TapeSpec frames = new TapeSpec(2_000, venues, 3, 2, 20, 250, true, 3, CandleInterval.S1);
        TapeSpec trades = new TapeSpec(2_000, venues, 3, 2, 20, 250, false, 3, CandleInterval.S1);
        try (Tape a = TapeGenerator.generate(frames);
                Tape b = TapeGenerator.generate(trades)) {
            assertThat(b.rawFrames()).isFalse();
            assertThat(b.segments()).allSatisfy(s -> assertThat(s.events).doesNotContainNull());
            assertThat(b.expected().quoteVolume()).isEqualByComparingTo(a.expected().quoteVolume());
            assertThat(b.expected().venueCandles()).isEqualTo(a.expected().venueCandles());
        }
    }

    @Test
    void tradeIdsReadBackToSymbolAndNumber() {
        long numeric = TradeIds.decode(Long.toString(TradeIds.numeric(17, 123_456)));
        long uuid = TradeIds.decode(TradeIds.uuid(17, 123_456));

        assertThat(TradeIds.symbol(numeric)).isEqualTo(17);
        assertThat(TradeIds.n(numeric)).isEqualTo(123_456);
        assertThat(uuid).isEqualTo(numeric);
        assertThat(TradeIds.decode("not-an-id")).isEqualTo(TradeIds.NONE);
        assertThat(TradeIds.decode("5")).isEqualTo(TradeIds.NONE);
    }
}
