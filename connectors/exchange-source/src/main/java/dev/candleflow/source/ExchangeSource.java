package dev.candleflow.source;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Venue;
import dev.candleflow.protocol.ExchangeAdapter;
import dev.candleflow.protocol.ExchangeAdapters;
import dev.candleflow.protocol.VenueEndpoints;
import dev.candleflow.source.enumerator.ExchangeEnumState;
import dev.candleflow.source.enumerator.ExchangeEnumStateSerializer;
import dev.candleflow.source.enumerator.ExchangeSplitEnumerator;
import dev.candleflow.source.reader.ExchangeSourceReader;
import dev.candleflow.source.reader.FeedMetrics;
import dev.candleflow.source.reader.ReaderSettings;
import dev.candleflow.source.reader.TradeRecordEmitter;
import dev.candleflow.source.reader.WebSocketSplitReader;
import dev.candleflow.source.split.ExchangeSplit;
import dev.candleflow.source.split.ExchangeSplitSerializer;
import dev.candleflow.source.transport.WebSocketTransport;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * The unbounded FLIP-27 source of trades from exchange WebSocket feeds. Each split is one
 * connection (a venue and a group of its instruments); readers reconnect on their own and keep the
 * last trade sequence per instrument in their checkpointed split state, from which missed trades
 * are backfilled over the venue's REST API after gaps, reconnects and restores. Besides trades it
 * emits dead letters and a {@code FeedHealth} per connection every {@code source.health-interval}.
 *
 * <pre>{@code
 * ExchangeSource source = ExchangeSource.builder()
 *         .venue(Venue.BINANCE, List.of(InstrumentId.parse("BTC-USDT")))
 *         .build();
 * env.fromSource(source, watermarks, "exchange-source");
 * }</pre>
 */
public final class ExchangeSource
        implements Source<FeedEvent, ExchangeSplit, ExchangeEnumState>,
                ResultTypeQueryable<FeedEvent> {

    private static final long serialVersionUID = 1L;

    private final EnumMap<Venue, List<InstrumentId>> subscriptions;
    private final EnumMap<Venue, VenueEndpoints> endpoints;
    private final WebSocketTransport transport;
    private final ReaderSettings settings;
    private final int maxInstrumentsPerConnection;

    ExchangeSource(
            EnumMap<Venue, List<InstrumentId>> subscriptions,
            EnumMap<Venue, VenueEndpoints> endpoints,
            WebSocketTransport transport,
            ReaderSettings settings,
            int maxInstrumentsPerConnection) {
        this.subscriptions = subscriptions;
        this.endpoints = endpoints;
        this.transport = transport;
        this.settings = settings;
        this.maxInstrumentsPerConnection = maxInstrumentsPerConnection;
    }

    public static ExchangeSourceBuilder builder() {
        return new ExchangeSourceBuilder();
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    /** The connections this source opens: each venue's instruments in groups it allows. */
    public List<ExchangeSplit> splits() {
        List<ExchangeSplit> splits = new ArrayList<>();
        subscriptions.forEach(
                (venue, instruments) -> {
                    int size =
                            Math.min(
                                    maxInstrumentsPerConnection,
                                    adapter(venue).maxInstrumentsPerConnection());
                    for (int from = 0, n = 0; from < instruments.size(); from += size, n++) {
                        List<InstrumentId> group =
                                instruments.subList(
                                        from, Math.min(instruments.size(), from + size));
                        splits.add(new ExchangeSplit(venue.id() + "-" + n, venue, group, Map.of()));
                    }
                });
        return splits;
    }

    ExchangeAdapter adapter(Venue venue) {
        return ExchangeAdapters.forVenue(venue, endpoints.getOrDefault(venue, VenueEndpoints.LIVE));
    }

    @Override
    public SplitEnumerator<ExchangeSplit, ExchangeEnumState> createEnumerator(
            SplitEnumeratorContext<ExchangeSplit> context) {
        return new ExchangeSplitEnumerator(context, splits());
    }

    @Override
    public SplitEnumerator<ExchangeSplit, ExchangeEnumState> restoreEnumerator(
            SplitEnumeratorContext<ExchangeSplit> context, ExchangeEnumState checkpoint) {
        return new ExchangeSplitEnumerator(context, checkpoint.unassigned());
    }

    @Override
    public SourceReader<FeedEvent, ExchangeSplit> createReader(SourceReaderContext context) {
        EnumMap<Venue, ExchangeAdapter> adapters = new EnumMap<>(Venue.class);
        subscriptions.keySet().forEach(v -> adapters.put(v, adapter(v)));
        FeedMetrics metrics = new FeedMetrics(context.metricGroup());
        // Venue limits hold for the whole job: each reader gets its share.
        ReaderSettings mine = settings.perReader(context.currentParallelism());
        return new ExchangeSourceReader(
                () -> new WebSocketSplitReader(adapters::get, transport, mine, metrics),
                new TradeRecordEmitter(adapters::get, metrics),
                new Configuration(),
                context);
    }

    @Override
    public SimpleVersionedSerializer<ExchangeSplit> getSplitSerializer() {
        return new ExchangeSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<ExchangeEnumState> getEnumeratorCheckpointSerializer() {
        return new ExchangeEnumStateSerializer();
    }

    @Override
    public TypeInformation<FeedEvent> getProducedType() {
        return TypeInformation.of(FeedEvent.class);
    }
}
