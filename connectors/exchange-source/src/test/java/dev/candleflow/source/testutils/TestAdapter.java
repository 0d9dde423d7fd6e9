package dev.candleflow.source.testutils;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Venue;
import dev.candleflow.protocol.BackfillRequest;
import dev.candleflow.protocol.ExchangeAdapter;
import dev.candleflow.protocol.Heartbeat;
import dev.candleflow.protocol.ParsedFrame;
import dev.candleflow.protocol.SequencePolicy;
import dev.candleflow.protocol.TradeBackfill;
import dev.candleflow.protocol.binance.BinanceAdapter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Binance's parsing with a chosen sequence policy, page size, idle timeout and (no) backfill, for
 * the source's own tests.
 */
public final class TestAdapter implements ExchangeAdapter {

    private final BinanceAdapter binance;
    private final SequencePolicy policy;
    private final int pageLimit; // 0: no backfill
    private final Duration idleTimeout;

    public TestAdapter(SequencePolicy policy, int pageLimit, Duration idleTimeout) {
        this(new BinanceAdapter(), policy, pageLimit, idleTimeout);
    }

    public TestAdapter(
            BinanceAdapter binance, SequencePolicy policy, int pageLimit, Duration idleTimeout) {
        this.binance = binance;
        this.policy = policy;
        this.pageLimit = pageLimit;
        this.idleTimeout = idleTimeout;
    }

    /** Strict sequences with Binance's own REST backfill at the given endpoints. */
    public static TestAdapter binance(URI ws, URI rest, Duration idleTimeout) {
        return new TestAdapter(
                new BinanceAdapter(ws, rest), SequencePolicy.STRICT_INCREMENT, -1, idleTimeout);
    }

    @Override
    public Venue venue() {
        return Venue.BINANCE;
    }

    @Override
    public URI endpoint(List<InstrumentId> instruments) {
        return binance.endpoint(instruments);
    }

    @Override
    public List<String> subscribeMessages(List<InstrumentId> instruments) {
        return List.of("subscribe " + instruments);
    }

    @Override
    public Optional<Heartbeat> heartbeat() {
        return Optional.empty();
    }

    @Override
    public Duration idleTimeout() {
        return idleTimeout;
    }

    @Override
    public int maxInstrumentsPerConnection() {
        return 1024;
    }

    @Override
    public ParsedFrame parse(String frame, long receivedAtMicros) {
        return binance.parse(frame, receivedAtMicros);
    }

    @Override
    public SequencePolicy sequencePolicy() {
        return policy;
    }

    @Override
    public Optional<TradeBackfill> backfill() {
        if (pageLimit < 0) {
            return binance.backfill();
        }
        if (pageLimit == 0) {
            return Optional.empty();
        }
        return Optional.of(new PageOnly(pageLimit));
    }

    /** A backfill that only has a page size: the test answers the pages itself. */
    private record PageOnly(int maxLimit) implements TradeBackfill {
        @Override
        public BackfillRequest request(InstrumentId instrument, long fromSequence, int limit) {
            throw new UnsupportedOperationException("the test answers pages itself");
        }

        @Override
        public ParsedFrame parse(String body, InstrumentId instrument, long receivedAtMicros) {
            throw new UnsupportedOperationException("the test answers pages itself");
        }
    }
}
