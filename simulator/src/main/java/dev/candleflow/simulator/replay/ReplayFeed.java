package dev.candleflow.simulator.replay;

import dev.candleflow.simulator.feed.AbstractFeed;
import dev.candleflow.simulator.feed.EventClock;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Replays a capture (one recorded frame per line) in file order, either as fast as possible or at
 * the recorded pace of the payloads' {@code E} times multiplied by a speed factor.
 *
 * <p>The file is streamed line by line, so captures larger than memory replay fine. Lines without
 * an {@code E} (garbage, acks) are sent right after the preceding frame.
 */
public final class ReplayFeed extends AbstractFeed {

    /** Speed factor meaning "no pacing at all". */
    public static final double FULL_SPEED = Double.POSITIVE_INFINITY;

    private final Path file;
    private final double speed;
    private final Consumer<ReplayFrame> sink;
    private final ReplayFrameParser parser = new ReplayFrameParser();

    /**
     * @param speed recorded seconds per wall second, or {@link #FULL_SPEED}
     * @param sink receives every non-blank line on the replay thread, in file order
     */
    public ReplayFeed(Path file, double speed, Consumer<ReplayFrame> sink) {
        super("binance-sim-replay");
        this.file = Objects.requireNonNull(file, "file");
        this.sink = Objects.requireNonNull(sink, "sink");
        if (!(speed > 0.0)) {
            throw new IllegalArgumentException("replay speed must be > 0, was " + speed);
        }
        this.speed = speed;
    }

    @Override
    protected void produce() throws IOException, InterruptedException {
        EventClock clock = null;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (isStopping()) {
                    return;
                }
                if (line.isBlank()) {
                    continue;
                }
                ReplayFrame frame = parser.parse(line);
                if (frame.eventTimeMillis().isPresent()) {
                    long eventMillis = frame.eventTimeMillis().getAsLong();
                    if (clock == null) {
                        clock = new EventClock(eventMillis * 1000L, speed, System.nanoTime());
                        setEventStartMillis(eventMillis);
                    }
                    if (!awaitEventTime(clock, eventMillis * 1000L)) {
                        return;
                    }
                    advanceProgress(eventMillis - 1);
                }
                sink.accept(frame);
            }
        }
        markFinished();
    }
}
