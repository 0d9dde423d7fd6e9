package dev.candleflow.query.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * The opaque position of a /v1/candles page: the order, the last open time served, the query's
 * range, and a checksum of its series, so a cursor only continues the query that made it.
 */
record Cursor(boolean descending, long lastOpenTime, long from, long to, long series) {

    private static final String VERSION = "c1";

    static long series(String venue, String symbol, String interval) {
        CRC32 crc = new CRC32();
        crc.update((venue + "|" + symbol + "|" + interval).getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    String encode() {
        String text =
                String.join(
                        ":",
                        VERSION,
                        descending ? "d" : "a",
                        Long.toString(lastOpenTime),
                        Long.toString(from),
                        Long.toString(to),
                        Long.toString(series));
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** Decodes a cursor of the query on {@code series}, or throws a 400 naming {@code cursor}. */
    static Cursor decode(String text, long series) {
        String[] f;
        try {
            f =
                    new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII)
                            .split(":");
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (f.length != 6 || !VERSION.equals(f[0]) || !(f[1].equals("a") || f[1].equals("d"))) {
            throw invalid();
        }
        Cursor c;
        try {
            c =
                    new Cursor(
                            f[1].equals("d"),
                            Long.parseLong(f[2]),
                            Long.parseLong(f[3]),
                            Long.parseLong(f[4]),
                            Long.parseLong(f[5]));
        } catch (NumberFormatException e) {
            throw invalid();
        }
        if (c.series != series) {
            throw ApiException.badParameter(
                    "cursor", "This cursor belongs to another symbol, venue or interval");
        }
        if (c.from < 0 || c.to > Params.MAX_TIME || c.from >= c.to) {
            throw invalid();
        }
        return c;
    }

    private static ApiException invalid() {
        return ApiException.badParameter(
                "cursor", "Invalid cursor; use the nextCursor of a previous page unchanged");
    }
}
