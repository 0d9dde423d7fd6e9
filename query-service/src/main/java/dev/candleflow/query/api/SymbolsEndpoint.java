package dev.candleflow.query.api;

import dev.candleflow.query.store.CachedReads;
import dev.candleflow.query.store.SeriesCatalog;
import java.util.List;
import java.util.Set;

/** {@code GET /v1/symbols}: every symbol with candles, its venues and intervals. */
public final class SymbolsEndpoint implements Endpoint {

    private final CachedReads reads;

    public SymbolsEndpoint(CachedReads reads) {
        this.reads = reads;
    }

    /** One symbol: the venues and intervals it has candles at. */
    public record SymbolView(String symbol, List<String> venues, List<String> intervals) {}

    /** The response body. */
    public record Body(List<SymbolView> data) {}

    @Override
    public ApiResponse handle(ApiRequest request) {
        Params.of(request.query(), Set.of());
        SeriesCatalog catalog = reads.catalog();
        List<SymbolView> data =
                catalog.bySymbol().values().stream()
                        .map(
                                s ->
                                        new SymbolView(
                                                s.symbol(),
                                                List.copyOf(s.venues()),
                                                List.copyOf(s.intervals())))
                        .toList();
        return ApiResponse.json(new Body(data));
    }
}
