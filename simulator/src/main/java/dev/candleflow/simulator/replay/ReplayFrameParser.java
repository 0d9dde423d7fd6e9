package dev.candleflow.simulator.replay;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candleflow.simulator.market.SimTrade;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Classifies recorded Binance lines: combined wrappers {@code {"stream":..,"data":..}} and raw
 * payloads become routable frames; everything else is forwarded verbatim.
 *
 * <p>A recorded combined-stream trade looks like:
 *
 * <pre>{@code
 * {"stream":"btcusdt@trade","data":{"e":"trade","E":1700000000123,"s":"BTCUSDT","t":3300000001,
 *  "p":"36512.34000000","q":"0.00150000","T":1700000000123,"m":true,"M":true}}
 * }</pre>
 */
public final class ReplayFrameParser {

    private final ObjectMapper mapper =
            new ObjectMapper()
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** Never throws on bad input: anything unparseable is a verbatim frame. */
    public ReplayFrame parse(String line) {
        JsonNode root;
        try {
            root = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            return ReplayFrame.verbatim(line);
        }
        if (root == null || !root.isObject()) {
            return ReplayFrame.verbatim(line);
        }
        JsonNode stream = root.get("stream");
        JsonNode data = root.get("data");
        if (stream != null && stream.isTextual() && data != null && data.isObject()) {
            String payload = dataSlice(line);
            return routed(line, stream.asText(), payload, data);
        }
        JsonNode event = root.get("e");
        JsonNode symbol = root.get("s");
        if (event != null && event.isTextual() && symbol != null && symbol.isTextual()) {
            String derived = symbol.asText().toLowerCase(Locale.ROOT) + "@" + event.asText();
            return routed(line, derived, line.strip(), root);
        }
        return ReplayFrame.verbatim(line);
    }

    private static ReplayFrame routed(String line, String stream, String payload, JsonNode data) {
        JsonNode e = data.get("E");
        OptionalLong eventTime = isLong(e) ? OptionalLong.of(e.asLong()) : OptionalLong.empty();
        return new ReplayFrame(
                line, Optional.of(new ReplayFrame.Route(stream, payload)), eventTime, trade(data));
    }

    /** The wrapper's {@code data} value exactly as recorded, so raw clients get original bytes. */
    private String dataSlice(String line) {
        try (JsonParser parser = mapper.createParser(line)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if ("data".equals(name)) {
                    int start = (int) parser.currentTokenLocation().getCharOffset();
                    parser.skipChildren();
                    int end = (int) parser.currentLocation().getCharOffset();
                    return line.substring(start, end);
                }
                parser.skipChildren();
            }
        } catch (IOException e) {
            // readTree accepted this very line a moment ago, so this is a bug, not bad data.
            throw new UncheckedIOException("Re-reading a valid JSON line failed: " + line, e);
        }
        throw new IllegalStateException("No data field in a line that has one: " + line);
    }

    private static Optional<SimTrade> trade(JsonNode data) {
        if (!"trade".equals(data.path("e").asText())) {
            return Optional.empty();
        }
        JsonNode symbol = data.get("s");
        JsonNode id = data.get("t");
        JsonNode price = data.get("p");
        JsonNode quantity = data.get("q");
        JsonNode time = data.get("T");
        JsonNode maker = data.get("m");
        if (symbol == null
                || !symbol.isTextual()
                || !isLong(id)
                || !isLong(time)
                || price == null
                || !price.isTextual()
                || quantity == null
                || !quantity.isTextual()
                || maker == null
                || !maker.isBoolean()) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    new SimTrade(
                            symbol.asText(),
                            id.asLong(),
                            new BigDecimal(price.asText()),
                            new BigDecimal(quantity.asText()),
                            time.asLong(),
                            maker.asBoolean()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isLong(JsonNode node) {
        return node != null && node.isIntegralNumber() && node.canConvertToLong();
    }
}
