package dev.candleflow.query.api;

import dev.candleflow.model.Venue;
import dev.candleflow.query.store.CandleRow;
import dev.candleflow.query.store.SeriesCatalog;
import java.util.Set;
import java.util.TreeSet;

/** Checks of symbols and venues against what ClickHouse holds (the cached catalog). */
final class Lookups {

    private Lookups() {}

    /** 404 unless the catalog has candles of the symbol on some venue. */
    static void requireSymbol(SeriesCatalog catalog, String symbol) {
        if (!catalog.hasSymbol(symbol)) {
            throw ApiException.notFound(
                    "unknown-symbol",
                    "Unknown symbol '"
                            + symbol
                            + "'; symbols with candles: "
                            + shortList(catalog.symbols().toString()));
        }
    }

    /** Venues a request may name: those with candles, the model's venues and consolidated. */
    static Set<String> venues(SeriesCatalog catalog, boolean withConsolidated) {
        Set<String> all = new TreeSet<>(catalog.venues());
        for (Venue v : Venue.values()) {
            all.add(v.id());
        }
        if (withConsolidated) {
            all.add(CandleRow.CONSOLIDATED);
        } else {
            all.remove(CandleRow.CONSOLIDATED);
        }
        return all;
    }

    private static String shortList(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…]" : text;
    }
}
