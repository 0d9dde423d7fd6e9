package dev.candleflow.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Trade;
import dev.candleflow.model.Venue;
import dev.candleflow.simulator.BinanceSimulator;
import dev.candleflow.source.transport.JavaWebSocketTransport;
import dev.candleflow.source.transport.WebSocketTransport;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The source on a MiniCluster against the simulator: trades flow, and survive a cut connection. */
class ExchangeSourceITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final InstrumentId BTC = InstrumentId.parse("BTC-USDT");
    private static final InstrumentId ETH = InstrumentId.parse("ETH-USDT");

    /** Counts connections opened; the MiniCluster runs in this JVM, so a static is visible. */
    static final class CountingTransport implements WebSocketTransport {
        static final AtomicInteger OPENS = new AtomicInteger();
        private final WebSocketTransport delegate = new JavaWebSocketTransport();

        @Override
        public Connection open(URI uri, Listener listener) {
            OPENS.incrementAndGet();
            return delegate.open(uri, listener);
        }
    }

    @Test
    void reconnectsAfterTheConnectionIsKilledAndResumes() throws Exception {
        try (BinanceSimulator sim =
                BinanceSimulator.builder()
                        .symbols("BTCUSDT", "ETHUSDT")
                        .tradesPerSecond(100)
                        .speed(1)
                        .build()
                        .start()) {
            Configuration options = new Configuration();
            options.set(ExchangeSourceOptions.RECONNECT_INITIAL_BACKOFF, Duration.ofMillis(200));
            ExchangeSource source =
                    ExchangeSource.builder()
                            .venue(Venue.BINANCE, List.of(BTC, ETH))
                            .endpoint(Venue.BINANCE, sim.wsBaseUri())
                            .transport(new CountingTransport())
                            .options(options)
                            .build();
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            Configuration c = new Configuration();
            c.set(PipelineOptions.GENERIC_TYPES, false);
            env.configure(c);
            env.setParallelism(2);

            List<Trade> before = new ArrayList<>();
            List<Trade> after = new ArrayList<>();
            long cutAfterId = -1;
            try (CloseableIterator<FeedEvent> events =
                    env.fromSource(source, WatermarkStrategy.noWatermarks(), "exchange")
                            .executeAndCollect()) {
                while (before.size() < 200) {
                    before.add(events.next().trade());
                }
                cutAfterId =
                        sim.publishedTrades().stream()
                                .filter(t -> t.symbol().equals("BTCUSDT"))
                                .mapToLong(t -> t.tradeId())
                                .max()
                                .orElseThrow();
                int opensBeforeCut = CountingTransport.OPENS.get();
                assertThat(opensBeforeCut).isEqualTo(1);
                sim.faults().dropAllConnections();
                // Trades published after the cut can only arrive over a new connection.
                while (after.stream().filter(t -> t.instrument().equals(BTC)).count() < 100) {
                    Trade t = events.next().trade();
                    if (t.instrument().equals(BTC) && t.sequence() > cutAfterId + 50) {
                        after.add(t);
                    }
                }
            }
            assertThat(before).allMatch(t -> t.venue() == Venue.BINANCE);
            assertThat(before).extracting(Trade::instrument).contains(BTC, ETH);
            assertThat(after).isNotEmpty();
            // One split, so one connection before the cut; any more are reconnects.
            assertThat(CountingTransport.OPENS.get()).isGreaterThanOrEqualTo(2);
            // Within one connection the sequence of each instrument only grows.
            long last = Long.MIN_VALUE;
            for (Trade t : after) {
                assertThat(t.sequence()).isGreaterThan(last);
                last = t.sequence();
            }
        }
    }
}
