package dev.candleflow.query.api;

import dev.candleflow.query.auth.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/** One API request as endpoints see it: path, query parameters, headers and the caller. */
public record ApiRequest(
        String path,
        String rawQuery,
        Map<String, List<String>> query,
        UnaryOperator<String> headers,
        String remoteAddress,
        Principal principal,
        long nowMillis) {

    public String header(String name) {
        return headers.apply(name);
    }

    /** True when the client asked for CSV ({@code Accept: text/csv}) rather than JSON. */
    public boolean wantsCsv() {
        String accept = header("Accept");
        if (accept == null) {
            return false;
        }
        String a = accept.toLowerCase(Locale.ROOT);
        int csv = a.indexOf("text/csv");
        int json = a.indexOf("application/json");
        return csv >= 0 && (json < 0 || csv < json);
    }
}
