package dev.candleflow.query.testutils;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

/** A small HTTP client for the service under test. */
public final class Http {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;

    public Http(URI base) {
        this.base = base;
    }

    /** GET {@code pathAndQuery} with header name/value pairs. */
    public HttpResponse<String> get(String pathAndQuery, String... headers) {
        return exchange(pathAndQuery, HttpResponse.BodyHandlers.ofString(), headers);
    }

    /** GET with the body as sent (compressed bodies stay compressed). */
    public HttpResponse<byte[]> getBytes(String pathAndQuery, String... headers) {
        return exchange(pathAndQuery, HttpResponse.BodyHandlers.ofByteArray(), headers);
    }

    /** The gunzipped bytes of a gzip body. */
    public static byte[] gunzip(byte[] body) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError("not a gzip body", e);
        }
    }

    private <T> HttpResponse<T> exchange(
            String pathAndQuery, HttpResponse.BodyHandler<T> body, String... headers) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(base.resolve(pathAndQuery))
                        .timeout(Duration.ofSeconds(30))
                        .GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(b.build(), body);
        } catch (IOException e) {
            throw new AssertionError("GET " + pathAndQuery + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    /** A raw request line, for input java.net.http refuses to send (bad encodings). */
    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public URI base() {
        return base;
    }
}
