package dev.candleflow.simulator.binance;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Binance's JSON control protocol on a stream connection: SUBSCRIBE, UNSUBSCRIBE,
 * LIST_SUBSCRIPTIONS, SET_PROPERTY and GET_PROPERTY, with the error codes of the Binance docs
 * ("Error Messages" in binance-spot-api-docs {@code web-socket-streams.md}).
 *
 * <p>Request {@code {"method":"SUBSCRIBE","params":["btcusdt@trade"],"id":1}} is answered with
 * {@code {"result":null,"id":1}}; errors look like {@code {"error":{"code":2,"msg":"Invalid
 * request: ..."},"id":1}}. Stream names are not validated: an unknown stream is accepted and simply
 * never carries data, as on Binance.
 */
final class BinanceRequestHandler {

    /** The JSON answer, and whether the request subscribed to at least one stream. */
    record Reply(String json, boolean subscribed) {}

    static final int CODE_UNKNOWN_PROPERTY = 0;
    static final int CODE_INVALID_VALUE = 1;
    static final int CODE_INVALID_REQUEST = 2;
    static final int CODE_INVALID_JSON = 3;

    private static final String COMBINED = "combined";
    private static final Pattern STRING_ID = Pattern.compile("[A-Za-z0-9]{1,36}");
    private static final String METHODS =
            "`SUBSCRIBE`, `UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, `GET_PROPERTY`";

    private static final JsonNode JSON_NULL = NullNode.getInstance();

    private final ObjectMapper mapper = new ObjectMapper();

    Reply handle(String text, StreamSubscriptions subscriptions) {
        return handle(text, subscriptions, () -> false);
    }

    /**
     * Applies one request.
     *
     * @param refuse consulted for each SUBSCRIBE; true answers it with an error (a fault)
     */
    Reply handle(String text, StreamSubscriptions subscriptions, BooleanSupplier refuse) {
        JsonNode request;
        try {
            request = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where =
                    at == null ? "" : " at line " + at.getLineNr() + " column " + at.getColumnNr();
            return error(JSON_NULL, CODE_INVALID_JSON, "Invalid JSON: expected value" + where);
        }
        if (request == null || !request.isObject()) {
            return error(
                    JSON_NULL, CODE_INVALID_REQUEST, "Invalid request: expected a JSON object");
        }
        JsonNode id = request.path("id");
        if (!isValidId(id)) {
            return error(
                    JSON_NULL,
                    CODE_INVALID_REQUEST,
                    "Invalid request: request ID must be an unsigned integer");
        }
        return dispatch(request, id.isMissingNode() ? JSON_NULL : id, subscriptions, refuse);
    }

    private Reply dispatch(
            JsonNode request,
            JsonNode id,
            StreamSubscriptions subscriptions,
            BooleanSupplier refuse) {
        JsonNode method = request.get("method");
        if (method == null) {
            return error(id, CODE_INVALID_REQUEST, "Invalid request: missing field `method`");
        }
        return switch (method.asText("")) {
            case "SUBSCRIBE" ->
                    refuse.getAsBoolean()
                            ? error(
                                    id,
                                    CODE_INVALID_REQUEST,
                                    "Invalid request: subscription refused, try again later")
                            : changeSubscriptions(request, id, subscriptions);
            case "UNSUBSCRIBE" -> changeSubscriptions(request, id, subscriptions);
            case "LIST_SUBSCRIPTIONS" -> {
                ArrayNode list = mapper.createArrayNode();
                subscriptions.list().forEach(list::add);
                yield result(list, id);
            }
            case "SET_PROPERTY" -> setProperty(request.path("params"), id, subscriptions);
            case "GET_PROPERTY" -> getProperty(request.path("params"), id, subscriptions);
            default ->
                    error(
                            id,
                            CODE_INVALID_REQUEST,
                            "Invalid request: unknown variant `"
                                    + method.asText(method.toString())
                                    + "`, expected one of "
                                    + METHODS);
        };
    }

    private Reply changeSubscriptions(JsonNode request, JsonNode id, StreamSubscriptions subs) {
        Optional<List<String>> streams = streamNames(request.path("params"));
        if (streams.isEmpty()) {
            return error(
                    id,
                    CODE_INVALID_REQUEST,
                    "Invalid request: params must be an array of stream names");
        }
        if ("SUBSCRIBE".equals(request.get("method").asText())) {
            subs.subscribe(streams.get());
            return new Reply(result(JSON_NULL, id).json(), !streams.get().isEmpty());
        }
        subs.unsubscribe(streams.get());
        return result(JSON_NULL, id);
    }

    private Reply setProperty(JsonNode params, JsonNode id, StreamSubscriptions subs) {
        Optional<Reply> invalid = checkPropertyName(params, 2, id);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        JsonNode value = params.get(1);
        if (value == null || !value.isBoolean()) {
            return error(id, CODE_INVALID_VALUE, "Invalid value type: expected Boolean");
        }
        subs.setCombined(value.booleanValue());
        return result(JSON_NULL, id);
    }

    private Reply getProperty(JsonNode params, JsonNode id, StreamSubscriptions subs) {
        return checkPropertyName(params, 1, id)
                .orElseGet(() -> result(mapper.getNodeFactory().booleanNode(subs.combined()), id));
    }

    private Optional<Reply> checkPropertyName(JsonNode params, int arity, JsonNode id) {
        if (params.isArray() && params.size() > arity) {
            return Optional.of(
                    error(id, CODE_INVALID_REQUEST, "Invalid request: too many parameters"));
        }
        JsonNode name = params.path(0);
        if (!name.isTextual()) {
            return Optional.of(
                    error(
                            id,
                            CODE_INVALID_REQUEST,
                            "Invalid request: property name must be a string"));
        }
        if (!COMBINED.equals(name.asText())) {
            return Optional.of(error(id, CODE_UNKNOWN_PROPERTY, "Unknown property"));
        }
        return Optional.empty();
    }

    private static Optional<List<String>> streamNames(JsonNode params) {
        if (!params.isArray()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>(params.size());
        for (JsonNode p : params) {
            if (!p.isTextual()) {
                return Optional.empty();
            }
            names.add(p.asText());
        }
        return Optional.of(names);
    }

    /** Binance accepts a 64-bit integer, an alphanumeric string of up to 36 chars, or null. */
    private static boolean isValidId(JsonNode id) {
        return id.isMissingNode()
                || id.isNull()
                || (id.isIntegralNumber() && id.canConvertToLong())
                || (id.isTextual() && STRING_ID.matcher(id.asText()).matches());
    }

    private Reply result(JsonNode result, JsonNode id) {
        ObjectNode reply = mapper.createObjectNode();
        reply.set("result", result);
        reply.set("id", id);
        return new Reply(reply.toString(), false);
    }

    private Reply error(JsonNode id, int code, String msg) {
        ObjectNode reply = mapper.createObjectNode();
        reply.putObject("error").put("code", code).put("msg", msg);
        reply.set("id", id);
        return new Reply(reply.toString(), false);
    }
}
