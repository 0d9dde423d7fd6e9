package dev.candleflow.query.testutils;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads Server-Sent Events from the service, one event at a time. */
public final class SseReader implements AutoCloseable {

    /** One event: its id (may be null), name and data. */
    public record Event(String id, String event, String data) {}

    private final HttpResponse<InputStream> response;
    private final BufferedReader reader;

    public SseReader(URI uri, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        response =
                HttpClient.newHttpClient()
                        .send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }

    public int status() {
        return response.statusCode();
    }

    public HttpResponse<InputStream> response() {
        return response;
    }

    /** The next event (comments skipped); null at the end of the stream. */
    public Event next() throws IOException {
        String id = null;
        String event = "message";
        List<String> data = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    return new Event(id, event, String.join("\n", data));
                }
                id = null;
                event = "message";
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
            switch (field) {
                case "id" -> id = value;
                case "event" -> event = value;
                case "data" -> data.add(value);
                default -> {}
            }
        }
        return null;
    }

    /** The next {@code event: candle}, skipping others. */
    public Event nextCandle() throws IOException {
        Event e;
        while ((e = next()) != null) {
            if (e.event().equals("candle")) {
                return e;
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }
}
