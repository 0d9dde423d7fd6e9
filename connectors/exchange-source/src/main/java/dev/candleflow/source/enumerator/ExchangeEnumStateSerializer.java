package dev.candleflow.source.enumerator;

import dev.candleflow.source.split.ExchangeSplitSerializer;
import java.io.IOException;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Versioned binary form of {@link ExchangeEnumState}: the unassigned splits, each in the split
 * serializer's form of the same version number (version 2 adds the splits' last event times).
 */
public final class ExchangeEnumStateSerializer
        implements SimpleVersionedSerializer<ExchangeEnumState> {

    private static final int CURRENT_VERSION = 2;

    @Override
    public int getVersion() {
        return CURRENT_VERSION;
    }

    @Override
    public byte[] serialize(ExchangeEnumState state) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        ExchangeSplitSerializer.writeList(state.unassigned(), out);
        return out.getCopyOfBuffer();
    }

    @Override
    public ExchangeEnumState deserialize(int version, byte[] serialized) throws IOException {
        return new ExchangeEnumState(
                ExchangeSplitSerializer.readList(new DataInputDeserializer(serialized), version));
    }
}
