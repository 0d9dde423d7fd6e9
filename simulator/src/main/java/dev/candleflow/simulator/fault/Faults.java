package dev.candleflow.simulator.fault;

import dev.candleflow.simulator.market.SimTrade;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fault injection for tests: network cuts and raw frames today.
 *
 * <p>Two kinds of fault fit here. Connection faults act at once through {@link ConnectionControl}
 * (drop, garbage; later stall or slow reads). Trade faults (withheld trades, duplicates,
 * reordering) will act in {@link #beforePublish}, which every generated trade passes before it is
 * recorded and sent, so adding them changes only this class.
 *
 * <pre>{@code
 * simulator.faults().dropAllConnections();
 * simulator.faults().sendGarbage("not json at all");
 * }</pre>
 */
public final class Faults {

    private static final Logger LOG = LoggerFactory.getLogger(Faults.class);

    private final ConnectionControl connections;

    public Faults(ConnectionControl connections) {
        this.connections = Objects.requireNonNull(connections, "connections");
    }

    /**
     * Cuts every client connection as a network failure would: the TCP connection closes without a
     * WebSocket close frame, so clients see an abnormal close (1006). The market keeps trading.
     */
    public void dropAllConnections() {
        LOG.info("Fault: dropping {} connection(s)", connections.connectionCount());
        connections.dropAllConnections();
    }

    /** Sends {@code frame} verbatim as a text frame to every open connection. */
    public void sendGarbage(String frame) {
        Objects.requireNonNull(frame, "frame");
        LOG.info(
                "Fault: sending a raw frame of {} chars to {} connection(s)",
                frame.length(),
                connections.connectionCount());
        connections.broadcastRaw(frame);
    }

    /**
     * Called by the simulator for every generated trade before it is recorded and sent; trade
     * faults will withhold, duplicate or delay here. Today every trade passes unchanged.
     */
    public void beforePublish(SimTrade trade, Consumer<SimTrade> publish) {
        publish.accept(trade);
    }
}
