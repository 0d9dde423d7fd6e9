package dev.candleflow.protocol.testutils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Recorded frames and REST bodies from the test class path. */
public final class Resources {

    /** 2024-01-01T00:00:00Z: the receive time of every recorded frame in these tests. */
    public static final long RECEIVED = 1_704_067_200_000_000L;

    private Resources() {}

    /** The lines of {@code path}, one frame each. */
    public static List<String> lines(String path) {
        return text(path).lines().toList();
    }

    /** The whole text of {@code path}, without a trailing newline. */
    public static String text(String path) {
        try (InputStream in = Resources.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read " + path, e);
        }
    }
}
