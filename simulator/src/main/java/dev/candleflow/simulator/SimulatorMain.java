package dev.candleflow.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone Binance simulator process: serves until killed; the shutdown hook closes it.
 *
 * <pre>{@code
 * java -cp simulator.jar:... dev.candleflow.simulator.SimulatorMain \
 *     --port 9443 --symbols BTCUSDT,ETHUSDT,SOLUSDT --rate 20 --speed 1 --seed 42
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
        BinanceSimulator simulator;
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
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "binance-sim-shutdown"));
        // All simulator threads are daemons, so main must stay alive to keep the process up.
        new CountDownLatch(1).await();
    }

    /**
     * Parses {@code args}, starts the simulator and prints where it listens.
     *
     * @return the running simulator, or null when only usage was asked for
     * @throws IllegalArgumentException on bad arguments
     * @throws IOException if the port cannot be bound
     */
    static BinanceSimulator launch(String[] args, PrintStream out) throws IOException {
        SimulatorArgs parsed = SimulatorArgs.parse(args);
        if (parsed.help()) {
            out.println(SimulatorArgs.USAGE);
            return null;
        }
        BinanceSimulator simulator = parsed.toBuilder().build().start();
        out.println("Binance simulator listening on " + simulator.wsBaseUri());
        if (parsed.replay().isPresent()) {
            out.println("  replaying " + parsed.replay().get() + " on the first subscription");
        } else {
            String first = parsed.symbols().get(0).toLowerCase(Locale.ROOT);
            out.println("  raw:      " + simulator.rawStreamUri(first + "@trade"));
            out.println(
                    "  combined: "
                            + simulator.combinedStreamUri(
                                    parsed.symbols().stream()
                                            .map(s -> s.toLowerCase(Locale.ROOT) + "@trade")
                                            .toArray(String[]::new)));
        }
        return simulator;
    }
}
