package dev.candleflow.simulator;

import dev.candleflow.simulator.venue.SimulatedVenue;
import dev.candleflow.simulator.venue.VenueId;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone simulator process: every venue (or those named) on its own ports, serving until
 * killed; the shutdown hook closes it.
 *
 * <pre>{@code
 * java -cp simulator.jar:... dev.candleflow.simulator.SimulatorMain \
 *     --venues binance,okx,kraken --port 9443 --symbols BTCUSDT,ETHUSDT --rate 20 --seed 42
 * java ... SimulatorMain --base-port 9500 --drop-every 30 --withhold-every 10:25
 * java ... SimulatorMain --port 9443 --replay capture.jsonl --replay-speed max
 * }</pre>
 */
public final class SimulatorMain {

    private static final String LOG_CONFIG_PROPERTY = "log4j2.configurationFile";
    private static final String LOG_CONFIG = "simulator-log4j2.xml";
    private static final int EXIT_USAGE = 2;
    private static final int EXIT_FAILURE = 1;

    private SimulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        // Before any logger exists; the library jar ships no log4j2.xml that could leak into the
        // test classpath of other modules, hence this explicitly named file.
        if (System.getProperty(LOG_CONFIG_PROPERTY) == null) {
            System.setProperty(LOG_CONFIG_PROPERTY, LOG_CONFIG);
        }
        MarketSimulator simulator;
        try {
            simulator = launch(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(SimulatorArgs.USAGE);
            System.exit(EXIT_USAGE);
            return;
        } catch (IOException e) {
            System.err.println(
                    "error: "
                            + e.getMessage()
                            + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
            System.exit(EXIT_FAILURE);
            return;
        }
        if (simulator == null) {
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "simulator-shutdown"));
        // All simulator threads are daemons, so main must stay alive to keep the process up.
        new CountDownLatch(1).await();
    }

    /**
     * Parses {@code args}, starts the simulator and prints where each venue listens.
     *
     * @return the running simulator, or null when only usage was asked for
     * @throws IllegalArgumentException on bad arguments
     * @throws IOException if a port cannot be bound
     */
    static MarketSimulator launch(String[] args, PrintStream out) throws IOException {
        SimulatorArgs parsed = SimulatorArgs.parse(args);
        if (parsed.help()) {
            out.println(SimulatorArgs.USAGE);
            return null;
        }
        MarketSimulator simulator = parsed.toBuilder().build().start();
        String first = parsed.symbols().get(0);
        for (VenueId id : simulator.venues()) {
            SimulatedVenue venue = simulator.venue(id);
            out.printf(
                    Locale.ROOT,
                    "%-8s listening on %s  REST %s%n",
                    id,
                    venue.wsBaseUri(),
                    venue.restBaseUri().map(URI::toString).orElse("(none)"));
            if (parsed.replay().isEmpty()) {
                String symbol = simulator.symbol(id, SimulatorArgs.instrument(first).canonical());
                out.println("           e.g. " + Venues.exampleUri(id, venue.wsBaseUri(), symbol));
            }
        }
        parsed.replay()
                .ifPresent(r -> out.println("  replaying " + r + " on the first subscription"));
        return simulator;
    }
}
