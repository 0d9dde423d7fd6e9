package dev.candleflow.simulator.fault;

import dev.candleflow.simulator.venue.VenueTrade;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Per-trade WebSocket faults, decided on the market thread as each trade is published: withheld
 * runs, reordering within a symbol, and the frame faults (junk, truncation, duplicates). Decisions
 * come from the plan's seeded draws, so the same plan and market give the same faults.
 */
public final class WireFaults {

    /** A trade due on the WebSocket now, and what happens to its frame. */
    public record Release(VenueTrade trade, FrameFaults faults) {}

    private static final String[] JUNK = {
        "{\"e\":\"trade\",",
        "<html><body><h1>502 Bad Gateway</h1></body></html>",
        "]}{[",
        "{\"unterminated\":\"",
        "\u0000\u0001garbage\u0002"
    };

    private final FaultPlan plan;
    private final FaultCounters counters;
    private final SplittableRandom random; // market thread only
    private final Map<String, Held> held = new HashMap<>(); // market thread only
    private final AtomicInteger withholdRemaining = new AtomicInteger();
    private final AtomicInteger duplicateNext = new AtomicInteger();
    private final AtomicInteger truncateNext = new AtomicInteger();
    private final AtomicInteger reorderNext = new AtomicInteger();

    WireFaults(FaultPlan plan, FaultCounters counters) {
        this.plan = plan;
        this.counters = counters;
        this.random = new SplittableRandom(plan.seed());
    }

    /** The trades to send now, in order, given that {@code trade} was just published. */
    public List<Release> onTrade(VenueTrade trade) {
        if (take(withholdRemaining)) {
            counters.add(FaultCounters.Kind.WITHHELD_TRADE);
            return List.of();
        }
        String symbol = trade.symbol();
        if (!held.containsKey(symbol) && (take(reorderNext) || draw(plan.reorderRate()))) {
            held.put(symbol, new Held(trade, 1 + random.nextInt(plan.reorderWindow())));
            counters.add(FaultCounters.Kind.REORDERED_TRADE);
            return List.of();
        }
        List<Release> out = new ArrayList<>(2);
        out.add(release(trade));
        Held h = held.get(symbol);
        if (h != null && --h.remaining == 0) {
            held.remove(symbol);
            out.add(release(h.trade));
        }
        return out;
    }

    /** Every trade still held back, for the end of a run. */
    public List<Release> flush() {
        List<Release> out = new ArrayList<>();
        held.values().forEach(h -> out.add(release(h.trade)));
        held.clear();
        return out;
    }

    void withhold(int trades) {
        withholdRemaining.addAndGet(trades);
        counters.add(FaultCounters.Kind.WITHHELD_RUN);
    }

    void duplicateNext(int frames) {
        duplicateNext.addAndGet(frames);
    }

    void truncateNext(int frames) {
        truncateNext.addAndGet(frames);
    }

    void reorderNext(int trades) {
        reorderNext.addAndGet(trades);
    }

    private Release release(VenueTrade trade) {
        String junk = null;
        boolean copy = false;
        if (draw(plan.garbageRate())) {
            int pick = random.nextInt(JUNK.length + 1);
            if (pick == JUNK.length) {
                copy = true;
            } else {
                junk = JUNK[pick];
            }
        }
        boolean truncate = take(truncateNext) || draw(plan.truncateRate());
        boolean duplicate = !truncate && (take(duplicateNext) || draw(plan.duplicateRate()));
        if (junk == null && !copy && !truncate && !duplicate) {
            return new Release(trade, FrameFaults.NONE);
        }
        return new Release(trade, new FrameFaults(junk, copy, truncate, duplicate));
    }

    private boolean draw(double rate) {
        return rate > 0.0 && random.nextDouble() < rate;
    }

    private static boolean take(AtomicInteger budget) {
        return budget.get() > 0 && budget.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    /** A trade held back until {@code remaining} later trades of its symbol have gone out. */
    private static final class Held {
        final VenueTrade trade;
        int remaining;

        Held(VenueTrade trade, int remaining) {
            this.trade = trade;
            this.remaining = remaining;
        }
    }
}
