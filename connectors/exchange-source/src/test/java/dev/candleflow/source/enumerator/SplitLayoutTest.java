package dev.candleflow.source.enumerator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Venue;
import dev.candleflow.source.split.ExchangeSplit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

class SplitLayoutTest {

    private static final InstrumentId BTC = InstrumentId.parse("BTC-USDT");
    private static final InstrumentId ETH = InstrumentId.parse("ETH-USDT");
    private static final InstrumentId SOL = InstrumentId.parse("SOL-USDT");
    private static final InstrumentId XRP = InstrumentId.parse("XRP-USDT");
    private static final InstrumentId ADA = InstrumentId.parse("ADA-USDT");
    private static final ToIntFunction<Venue> TWO = v -> 2;

    private static Map<Venue, List<InstrumentId>> subs(Object... venueAndInstruments) {
        Map<Venue, List<InstrumentId>> m = new LinkedHashMap<>();
        for (int i = 0; i < venueAndInstruments.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<InstrumentId> list = (List<InstrumentId>) venueAndInstruments[i + 1];
            m.put((Venue) venueAndInstruments[i], list);
        }
        return m;
    }

    private static Map<String, List<InstrumentId>> memberships(SplitLayout layout) {
        Map<String, List<InstrumentId>> m = new LinkedHashMap<>();
        layout.splits().forEach(s -> m.put(s.splitId(), s.instruments()));
        return m;
    }

    @Test
    void aFreshPlanGroupsEachVenueInConfigurationOrder() {
        SplitLayout plan =
                SplitLayout.plan(
                        subs(Venue.BINANCE, List.of(BTC, ETH, SOL), Venue.OKX, List.of(BTC)), TWO);
        assertThat(memberships(plan))
                .containsExactly(
                        Map.entry("binance-0", List.of(BTC, ETH)),
                        Map.entry("binance-1", List.of(SOL)),
                        Map.entry("okx-0", List.of(BTC)));
    }

    @Test
    void theSameConfigurationRestoresTheSameLayout() {
        Map<Venue, List<InstrumentId>> config =
                subs(Venue.BINANCE, List.of(BTC, ETH, SOL), Venue.OKX, List.of(BTC));
        SplitLayout plan = SplitLayout.plan(config, TWO);
        SplitLayout restored = SplitLayout.of(plan.splits()).reconcile(config, TWO);
        assertThat(restored).isEqualTo(plan);
        assertThat(restored.addedSince(plan)).isEmpty();
    }

    @Test
    void newInstrumentsGetNewSplitsAndExistingGroupsStay() {
        SplitLayout before = SplitLayout.plan(subs(Venue.BINANCE, List.of(BTC, ETH, SOL)), TWO);
        // XRP inserted in the middle: a fresh plan would regroup, a restore must not.
        SplitLayout after =
                before.reconcile(
                        subs(
                                Venue.BINANCE,
                                List.of(BTC, XRP, ETH, SOL, ADA),
                                Venue.COINBASE,
                                List.of(BTC)),
                        TWO);
        assertThat(memberships(after))
                .containsExactly(
                        Map.entry("binance-0", List.of(BTC, ETH)),
                        Map.entry("binance-1", List.of(SOL)),
                        Map.entry("binance-2", List.of(XRP, ADA)),
                        Map.entry("coinbase-0", List.of(BTC)));
        assertThat(after.addedSince(before))
                .extracting(ExchangeSplit::splitId)
                .containsExactly("binance-2", "coinbase-0");
    }

    @Test
    void removedInstrumentsLeaveTheirSplitsAndEmptySplitsAndVenuesGo() {
        SplitLayout before =
                SplitLayout.plan(
                        subs(Venue.BINANCE, List.of(BTC, ETH, SOL), Venue.OKX, List.of(BTC)), TWO);
        SplitLayout after = before.reconcile(subs(Venue.BINANCE, List.of(ETH)), TWO);
        assertThat(memberships(after)).containsExactly(Map.entry("binance-0", List.of(ETH)));
        assertThat(after.addedSince(before)).isEmpty();
    }

    @Test
    void aNewSplitNeverTakesTheIdOfADroppedOne() {
        SplitLayout before = SplitLayout.plan(subs(Venue.BINANCE, List.of(BTC, ETH)), v -> 1);
        // ETH's split (binance-1) is dropped; a reader restores it and drops it too, so SOL's
        // split must not be called binance-1, or it would look restored rather than added.
        SplitLayout after = before.reconcile(subs(Venue.BINANCE, List.of(BTC, SOL)), v -> 1);
        assertThat(memberships(after))
                .containsExactly(
                        Map.entry("binance-0", List.of(BTC)), Map.entry("binance-2", List.of(SOL)));
        assertThat(after.addedSince(before))
                .extracting(ExchangeSplit::splitId)
                .containsExactly("binance-2");
    }

    @Test
    void aReAddedInstrumentGetsASplitIdNoLiveSplitHas() {
        SplitLayout before = SplitLayout.plan(subs(Venue.BINANCE, List.of(BTC, ETH, SOL)), TWO);
        SplitLayout without = before.reconcile(subs(Venue.BINANCE, List.of(SOL)), TWO);
        SplitLayout again = without.reconcile(subs(Venue.BINANCE, List.of(BTC, SOL)), TWO);
        assertThat(memberships(again))
                .containsExactly(
                        Map.entry("binance-1", List.of(SOL)), Map.entry("binance-0", List.of(BTC)));
    }

    @Test
    void narrowingKeepsTheSequenceStateOfTheInstrumentsThatStay() {
        ExchangeSplit restored =
                new ExchangeSplit(
                        "binance-0",
                        Venue.BINANCE,
                        List.of(BTC, ETH),
                        Map.of(BTC, 10L, ETH, 20L),
                        Map.of(BTC, 100L, ETH, 200L));
        assertThat(SplitLayout.narrow(restored, subs(Venue.BINANCE, List.of(ETH, SOL))))
                .hasValue(
                        new ExchangeSplit(
                                "binance-0",
                                Venue.BINANCE,
                                List.of(ETH),
                                Map.of(ETH, 20L),
                                Map.of(ETH, 200L)));
        assertThat(SplitLayout.narrow(restored, subs(Venue.BINANCE, List.of(BTC, ETH))))
                .containsSame(restored);
        assertThat(SplitLayout.narrow(restored, subs(Venue.BINANCE, List.of(SOL)))).isEmpty();
        assertThat(SplitLayout.narrow(restored, subs(Venue.OKX, List.of(BTC)))).isEmpty();
    }

    @Test
    void aCheckpointedLayoutCarriesMembershipOnly() {
        ExchangeSplit withState =
                new ExchangeSplit("binance-0", Venue.BINANCE, List.of(BTC), Map.of(BTC, 5L));
        assertThat(SplitLayout.of(List.of(withState)).splits())
                .containsExactly(
                        new ExchangeSplit("binance-0", Venue.BINANCE, List.of(BTC), Map.of()));
    }
}
