package dev.candleflow.simulator.fault;

import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/** Thread-safe counters behind {@link FaultStats}; written by every simulator thread. */
public final class FaultCounters {

    /** What happened; one counter each. */
    public enum Kind {
        DROP_EVENT,
        CONNECTION_DROPPED,
        STALL,
        STALLED_FRAME,
        GARBAGE_FRAME,
        TRUNCATED_FRAME,
        DUPLICATED_FRAME,
        REORDERED_TRADE,
        WITHHELD_RUN,
        WITHHELD_TRADE,
        REFUSED_SUBSCRIPTION,
        DELAYED_PONG,
        IGNORED_PING,
        FORCED_DISCONNECT,
        CONNECTION_OPENED
    }

    private final LongAdder[] counts = new LongAdder[Kind.values().length];
    private volatile LongSupplier restRequests = () -> 0L;

    public FaultCounters() {
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    public void add(Kind kind) {
        counts[kind.ordinal()].increment();
    }

    public void add(Kind kind, long n) {
        counts[kind.ordinal()].add(n);
    }

    public long get(Kind kind) {
        return counts[kind.ordinal()].sum();
    }

    /** Where {@link FaultStats#restRequests()} comes from (the venue's REST server). */
    public void restRequestsFrom(LongSupplier source) {
        this.restRequests = source;
    }

    public FaultStats snapshot() {
        return new FaultStats(
                get(Kind.DROP_EVENT),
                get(Kind.CONNECTION_DROPPED),
                get(Kind.STALL),
                get(Kind.STALLED_FRAME),
                get(Kind.GARBAGE_FRAME),
                get(Kind.TRUNCATED_FRAME),
                get(Kind.DUPLICATED_FRAME),
                get(Kind.REORDERED_TRADE),
                get(Kind.WITHHELD_RUN),
                get(Kind.WITHHELD_TRADE),
                get(Kind.REFUSED_SUBSCRIPTION),
                get(Kind.DELAYED_PONG),
                get(Kind.IGNORED_PING),
                get(Kind.FORCED_DISCONNECT),
                get(Kind.CONNECTION_OPENED),
                restRequests.getAsLong());
    }
}
