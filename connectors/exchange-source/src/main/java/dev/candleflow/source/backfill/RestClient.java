package dev.candleflow.source.backfill;

import dev.candleflow.protocol.BackfillRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Blocking REST GETs on {@code java.net.http} with connect and request timeouts and a cap on the
 * body size. Called from a backfill worker thread, never from Flink's or the sockets' threads.
 */
public final class RestClient {

    /** A page of 1000 trades is about 150 KB; anything far larger is not a trade page. */
    static final int MAX_BODY_BYTES = 8 << 20;

    private final HttpClient http;
    private final Duration requestTimeout;

    public RestClient(Duration connectTimeout, Duration requestTimeout) {
        this.http =
                HttpClient.newBuilder()
                        .connectTimeout(connectTimeout)
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .build();
        this.requestTimeout = requestTimeout;
    }

    /** One response: status, body and the server's {@code Retry-After}, if it sent one. */
    public record Response(int status, String body, Optional<Duration> retryAfter) {
        public boolean ok() {
            return status == 200;
        }
    }

    /**
     * Sends one GET and reads the whole body.
     *
     * @throws IOException on connection failures, timeouts and oversized bodies
     */
    public Response get(BackfillRequest request) throws IOException, InterruptedException {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(request.uri())
                        .timeout(requestTimeout)
                        .header("Accept", "application/json")
                        .GET();
        request.headers().forEach(b::header);
        HttpResponse<InputStream> r =
                http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
            return new Response(r.statusCode(), read(in), retryAfter(r.headers()));
        }
    }

    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        byte[] buffer = new byte[16 * 1024];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            if (out.size() + n > MAX_BODY_BYTES) {
                throw new IOException("response body larger than " + MAX_BODY_BYTES + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * {@code Retry-After} in seconds (the form Binance and most venues send); dates are ignored.
     */
    static Optional<Duration> retryAfter(HttpHeaders headers) {
        return headers.firstValue("Retry-After")
                .map(String::trim)
                .filter(v -> v.matches("[0-9]{1,6}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v)));
    }
}
