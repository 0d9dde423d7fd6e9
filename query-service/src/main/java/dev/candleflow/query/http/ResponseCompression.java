package dev.candleflow.query.http;

import java.util.List;
import org.eclipse.jetty.compression.gzip.GzipCompression;
import org.eclipse.jetty.compression.server.CompressionConfig;
import org.eclipse.jetty.compression.server.CompressionHandler;
import org.eclipse.jetty.server.Handler;

/**
 * Gzip for the service's responses (Jetty 12.1's {@link CompressionHandler}; the older {@code
 * GzipHandler} is deprecated): JSON, CSV, problems, the dashboard's files, openapi.json and
 * Prometheus text, when the client sends {@code Accept-Encoding: gzip} and the body is at least
 * {@code minSize} bytes. The event stream is never compressed: {@code text/event-stream} is not in
 * the list and {@code /v1/stream/*} is excluded, so every event is written as it happens rather
 * than held in a deflater. A compressed response loses its Content-Length (it is chunked), and its
 * ETag gets a {@code --gzip} suffix that the handler strips again from {@code If-None-Match}, so
 * conditional requests keep working for both forms.
 */
public final class ResponseCompression {

    static final List<String> MIME_TYPES =
            List.of(
                    "application/json",
                    "application/problem+json",
                    "text/csv",
                    "text/html",
                    "text/css",
                    "text/javascript",
                    "text/plain",
                    // /metrics: Jetty compares the type without its charset, parameters kept
                    "text/plain; version=0.0.4",
                    "image/svg+xml");
    static final String STREAM_PATHS = "/v1/stream/*";

    private ResponseCompression() {}

    /** {@code next} behind a gzip compressor for bodies of at least {@code minSize} bytes. */
    public static Handler wrap(Handler next, int minSize) {
        GzipCompression gzip = new GzipCompression();
        gzip.setMinCompressSize(minSize);
        CompressionConfig.Builder config =
                CompressionConfig.builder()
                        .compressIncludeEncoding("gzip")
                        .compressIncludeMethod("GET")
                        .compressIncludeMethod("HEAD")
                        .compressExcludeMimeType("text/event-stream")
                        .compressExcludePath(STREAM_PATHS);
        MIME_TYPES.forEach(config::compressIncludeMimeType);
        CompressionHandler handler = new CompressionHandler(next);
        handler.putCompression(gzip);
        handler.putConfiguration("/", config.build());
        return handler;
    }
}
