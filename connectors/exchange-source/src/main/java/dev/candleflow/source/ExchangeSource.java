package dev.candleflow.source;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Venue;
import dev.candleflow.protocol.ExchangeAdapter;
import dev.candleflow.protocol.ExchangeAdapters;
import dev.candleflow.protocol.VenueEndpoints;
import dev.candleflow.source.enumerator.ExchangeEnumState;
import dev.candleflow.source.enumerator.ExchangeEnumStateSerializer;
import dev.candleflow.source.enumerator.ExchangeSplitEnumerator;
import dev.candleflow.source.enumerator.SplitLayout;
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
import java.util.Optional;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private static final Logger LOG = LoggerFactory.getLogger(ExchangeSource.class);

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

    /** The connections a fresh job opens: each venue's instruments in groups it allows. */
    public List<ExchangeSplit> splits() {
        return SplitLayout.plan(subscriptions, this::groupSize).splits();
    }

    private int groupSize(Venue venue) {
        return Math.min(maxInstrumentsPerConnection, adapter(venue).maxInstrumentsPerConnection());
    }

    ExchangeAdapter adapter(Venue venue) {
        return ExchangeAdapters.forVenue(venue, endpoints.getOrDefault(venue, VenueEndpoints.LIVE));
    }

    @Override
    public SplitEnumerator<ExchangeSplit, ExchangeEnumState> createEnumerator(
            SplitEnumeratorContext<ExchangeSplit> context) {
        return new ExchangeSplitEnumerator(
                context, SplitLayout.plan(subscriptions, this::groupSize));
    }

    @Override
    public SplitEnumerator<ExchangeSplit, ExchangeEnumState> restoreEnumerator(
            SplitEnumeratorContext<ExchangeSplit> context, ExchangeEnumState checkpoint) {
        ExchangeEnumState restored = reconcile(checkpoint);
        return new ExchangeSplitEnumerator(
                context, restored.unassigned(), restored.splitLayout().orElseThrow());
    }

    /**
     * A checkpointed enumerator state brought to this source's venues and symbols: instruments no
     * longer configured leave their splits (readers narrow the splits they restore the same way),
     * and instruments or venues configured since get new, unassigned splits.
     */
    ExchangeEnumState reconcile(ExchangeEnumState checkpoint) {
        List<ExchangeSplit> unassigned = new ArrayList<>();
        for (ExchangeSplit split : checkpoint.unassigned()) {
            SplitLayout.narrow(split, subscriptions).ifPresent(unassigned::add);
        }
        Optional<SplitLayout> before = checkpoint.splitLayout();
        if (before.isEmpty()) {
            // Older checkpoints did not record which instruments the readers' splits carry, so
            // new instruments cannot be told apart from those already subscribed.
            LOG.warn(
                    "Restoring from a checkpoint without a split layout (enumerator state version 2"
                        + " or older): assuming it was taken with the venues and symbols configured"
                        + " now. To change them, first take a savepoint with this version and the"
                        + " old configuration.");
            return new ExchangeEnumState(
                    unassigned, SplitLayout.plan(subscriptions, this::groupSize).splits());
        }
        SplitLayout layout = before.get().reconcile(subscriptions, this::groupSize);
        List<ExchangeSplit> added = layout.addedSince(before.get());
        unassigned.addAll(added);
        List<String> dropped =
                before.get().splits().stream()
                        .map(ExchangeSplit::splitId)
                        .filter(id -> !layout.contains(id))
                        .toList();
        if (!added.isEmpty() || !dropped.isEmpty()) {
            LOG.info(
                    "Configuration changed since the checkpoint: new splits {}, dropped splits {}",
                    added,
                    dropped);
        }
        return new ExchangeEnumState(unassigned, layout.splits());
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
                subscriptions,
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
