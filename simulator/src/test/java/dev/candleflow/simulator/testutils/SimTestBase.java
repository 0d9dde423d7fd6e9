package dev.candleflow.simulator.testutils;

import dev.candleflow.simulator.MarketSimulator;
import dev.candleflow.simulator.MarketSimulatorBuilder;
import dev.candleflow.simulator.venue.VenueId;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** Starts simulators and clients for a test and closes them all afterwards. */
public abstract class SimTestBase {

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeResources() throws Exception {
        for (AutoCloseable r : resources) {
            r.close();
        }
    }

    protected MarketSimulator start(MarketSimulatorBuilder builder) throws Exception {
        MarketSimulator sim = builder.build();
        resources.add(sim);
        return sim.start();
    }

    protected RecordingClient connect(MarketSimulator sim, VenueId venue)
            throws InterruptedException {
        return connect(Sims.wsUri(sim, venue));
    }

    protected RecordingClient connect(URI uri) throws InterruptedException {
        RecordingClient client = RecordingClient.connect(uri);
        resources.add(0, client::closeBlocking);
        return client;
    }

    /** The next frame that is neither a heartbeat nor a status message. */
    protected static String nextReply(RecordingClient client) throws InterruptedException {
        String frame;
        do {
            frame = client.next(Sims.WAIT);
        } while (frame.contains("\"channel\":\"heartbeat\"")
                || frame.contains("\"channel\":\"status\""));
        return frame;
    }
}
