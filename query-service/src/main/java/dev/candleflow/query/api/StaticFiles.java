package dev.candleflow.query.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard's files, read once from the jar ({@code dev/candleflow/query/static}); the chart
 * library is vendored there by the build, so nothing is fetched at run time. Served with an ETag
 * and a strict Content-Security-Policy (everything from this origin only).
 */
public final class StaticFiles {

    static final String ROOT = "/dev/candleflow/query/static/";
    static final String CSP =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                    + " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'";

    /** A file and its metadata. */
    public record File(byte[] body, String contentType, String etag, boolean immutable) {}

    private final Map<String, File> files = new LinkedHashMap<>();

    public StaticFiles() {
        add("/", "index.html", "text/html; charset=utf-8", false);
        add("/static/app.css", "app.css", "text/css; charset=utf-8", false);
        add("/static/app.js", "app.js", "text/javascript; charset=utf-8", false);
        add(
                "/static/vendor/lightweight-charts.js",
                "vendor/lightweight-charts.standalone.production.js",
                "text/javascript; charset=utf-8",
                true);
        add(
                "/static/vendor/lightweight-charts.LICENSE.txt",
                "vendor/lightweight-charts.LICENSE.txt",
                "text/plain; charset=utf-8",
                true);
        add("/favicon.svg", "favicon.svg", "image/svg+xml", false);
    }

    public Optional<File> get(String path) {
        return Optional.ofNullable(files.get(path.equals("/index.html") ? "/" : path));
    }

    /** The response for a file, 304 when the client's {@code If-None-Match} is current. */
    public ApiResponse response(File f, String ifNoneMatch) {
        ApiResponse r =
                f.etag().equals(ifNoneMatch)
                        ? new ApiResponse(304, f.contentType(), new byte[0], new LinkedHashMap<>())
                        : new ApiResponse(200, f.contentType(), f.body(), new LinkedHashMap<>());
        return r.withHeader("ETag", f.etag())
                .withHeader("Cache-Control", f.immutable() ? "public, max-age=86400" : "no-cache")
                .withHeader("Content-Security-Policy", CSP)
                .withHeader("X-Content-Type-Options", "nosniff")
                .withHeader("Referrer-Policy", "no-referrer");
    }

    private void add(String path, String resource, String type, boolean immutable) {
        try (InputStream in = StaticFiles.class.getResourceAsStream(ROOT + resource)) {
            if (in == null) {
                throw new IllegalStateException(
                        "Dashboard file "
                                + resource
                                + " is missing from the jar (build it with"
                                + " Maven: the chart library is vendored at build time)");
            }
            byte[] body = in.readAllBytes();
            files.put(path, new File(body, type, etag(body), immutable));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read dashboard file " + resource, e);
        }
    }

    private static String etag(byte[] body) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(d, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
