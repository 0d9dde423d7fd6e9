package dev.candleflow.query.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** Which (venue, symbol, interval) series hold candles: the answer to /v1/symbols and to 404s. */
public record SeriesCatalog(SortedMap<String, Series> bySymbol) {

    /** One symbol's venues and intervals. */
    public record Series(String symbol, SortedSet<String> venues, SortedSet<String> intervals) {}

    /** A (venue, symbol, interval) triple present in the candles table. */
    public record Entry(String venue, String symbol, String interval) {}

    public static SeriesCatalog of(Collection<Entry> entries) {
        SortedMap<String, Series> map = new TreeMap<>();
        for (Entry e : entries) {
            Series s =
                    map.computeIfAbsent(
                            e.symbol(), k -> new Series(k, new TreeSet<>(), new TreeSet<>()));
            s.venues().add(e.venue());
            s.intervals().add(e.interval());
        }
        return new SeriesCatalog(map);
    }

    public boolean hasSymbol(String symbol) {
        return bySymbol.containsKey(symbol);
    }

    public Set<String> venues() {
        Set<String> all = new TreeSet<>();
        bySymbol.values().forEach(s -> all.addAll(s.venues()));
        return all;
    }

    public List<String> symbols() {
        return List.copyOf(bySymbol.keySet());
    }

    public Map<String, Series> asMap() {
        return bySymbol;
    }
}
