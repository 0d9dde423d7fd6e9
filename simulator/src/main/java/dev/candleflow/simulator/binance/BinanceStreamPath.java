package dev.candleflow.simulator.binance;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The connection URL of a Binance stream client: {@code /ws}, {@code /ws/<stream>} (raw) or {@code
 * /stream}, {@code /stream?streams=<s1>/<s2>} (combined). Other paths get HTTP 404.
 *
 * @param combined whether payloads are wrapped as {@code {"stream":..,"data":..}}
 * @param streams streams subscribed by the URL itself, in URL order
 */
public record BinanceStreamPath(boolean combined, List<String> streams) {

    private static final String RAW_PREFIX = "/ws";
    private static final String COMBINED_PREFIX = "/stream";

    public BinanceStreamPath {
        streams = List.copyOf(streams);
    }

    /** Parses a request target such as {@code /stream?streams=btcusdt@trade/ethusdt@trade}. */
    public static Optional<BinanceStreamPath> parse(String resourceDescriptor) {
        if (resourceDescriptor == null) {
            return Optional.empty();
        }
        int q = resourceDescriptor.indexOf('?');
        String path = q < 0 ? resourceDescriptor : resourceDescriptor.substring(0, q);
        String query = q < 0 ? "" : resourceDescriptor.substring(q + 1);
        if (path.equals(RAW_PREFIX) || path.startsWith(RAW_PREFIX + "/")) {
            // Binance also accepts several raw streams as /ws/<s1>/<s2>.
            return Optional.of(
                    new BinanceStreamPath(
                            false, splitStreams(path.substring(RAW_PREFIX.length()))));
        }
        if (path.equals(COMBINED_PREFIX) || path.equals(COMBINED_PREFIX + "/")) {
            return Optional.of(new BinanceStreamPath(true, splitStreams(streamsParam(query))));
        }
        return Optional.empty();
    }

    private static String streamsParam(String query) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals("streams")) {
                return pair.substring(eq + 1);
            }
        }
        return "";
    }

    private static List<String> splitStreams(String joined) {
        String decoded;
        try {
            decoded = URLDecoder.decode(joined, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // A broken %-escape: keep the text as sent, it simply names no known stream.
            decoded = joined;
        }
        List<String> streams = new ArrayList<>();
        Arrays.stream(decoded.split("/")).filter(s -> !s.isEmpty()).forEach(streams::add);
        return streams;
    }
}
