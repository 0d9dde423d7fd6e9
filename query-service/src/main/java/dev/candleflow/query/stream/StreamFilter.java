package dev.candleflow.query.stream;

/** What one stream client wants: a symbol, an interval and one venue (or every venue: null). */
public record StreamFilter(String symbol, String interval, String venue) {

    public boolean matches(StreamEvent e) {
        return symbol.equals(e.symbol())
                && interval.equals(e.interval())
                && (venue == null || venue.equals(e.venue()));
    }
}
