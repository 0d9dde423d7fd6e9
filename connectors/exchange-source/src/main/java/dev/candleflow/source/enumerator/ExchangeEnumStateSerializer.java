package dev.candleflow.source.enumerator;

import dev.candleflow.source.split.ExchangeSplit;
import dev.candleflow.source.split.ExchangeSplitSerializer;
import java.io.IOException;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Versioned binary form of {@link ExchangeEnumState}.
 *
 * <ul>
 *   <li>Versions 1 and 2: the unassigned splits, each in the split serializer's form of the same
 *       version number (2 adds the splits' last event times). No layout.
 *   <li>Version 3: the unassigned splits, then the layout, both as split lists of split version 2.
 * </ul>
 */
public final class ExchangeEnumStateSerializer
        implements SimpleVersionedSerializer<ExchangeEnumState> {

    static final int CURRENT_VERSION = 3;

    /** The split form inside a version 3 state; a new split version needs a new state version. */
    private static final int SPLIT_VERSION = 2;

    @Override
    public int getVersion() {
        return CURRENT_VERSION;
    }

    @Override
    public byte[] serialize(ExchangeEnumState state) throws IOException {
        if (state.layout() == null) {
            throw new IllegalStateException(
                    "an enumerator state without a layout is never written");
        }
        DataOutputSerializer out = new DataOutputSerializer(256);
        ExchangeSplitSerializer.writeList(state.unassigned(), out);
        ExchangeSplitSerializer.writeList(state.layout(), out);
        return out.getCopyOfBuffer();
    }

    @Override
    public ExchangeEnumState deserialize(int version, byte[] serialized) throws IOException {
        if (version > CURRENT_VERSION) {
            throw new IOException("Unrecognized version: " + version);
        }
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        if (version < CURRENT_VERSION) {
            return new ExchangeEnumState(ExchangeSplitSerializer.readList(in, version), null);
        }
        List<ExchangeSplit> unassigned = ExchangeSplitSerializer.readList(in, SPLIT_VERSION);
        return new ExchangeEnumState(
                unassigned, ExchangeSplitSerializer.readList(in, SPLIT_VERSION));
    }
}
