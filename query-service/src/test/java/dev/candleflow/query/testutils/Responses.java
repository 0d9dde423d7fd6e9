package dev.candleflow.query.testutils;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks that hostile input got a clean answer, and builds query strings. */
public final class Responses {

    private Responses() {}

    /** Not a 5xx, no stack trace or ClickHouse error in the body, errors as problem+json. */
    public static void assertClean(HttpResponse<String> r) {
        assertThat(r.statusCode()).as("never a 5xx: %s", r.body()).isLessThan(500);
        assertThat(r.body()).doesNotContain("Exception", "\tat ", "Code: ", "DB::");
        if (r.statusCode() >= 400) {
            assertThat(r.headers().firstValue("Content-Type").orElse(""))
                    .startsWith("application/problem+json");
        }
    }

    /** {@code k=v&...}, values URL-encoded. */
    public static String query(Map<String, String> q) {
        List<String> parts = new ArrayList<>();
        q.forEach((k, v) -> parts.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return String.join("&", parts);
    }
}
