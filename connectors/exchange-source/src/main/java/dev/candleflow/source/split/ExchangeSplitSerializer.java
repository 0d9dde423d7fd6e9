package dev.candleflow.source.split;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Venue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/** Versioned binary form of {@link ExchangeSplit} for checkpoints. */
public final class ExchangeSplitSerializer implements SimpleVersionedSerializer<ExchangeSplit> {

    public static final ExchangeSplitSerializer INSTANCE = new ExchangeSplitSerializer();
    private static final int CURRENT_VERSION = 1;

    @Override
    public int getVersion() {
        return CURRENT_VERSION;
    }

    @Override
    public byte[] serialize(ExchangeSplit split) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(128);
        write(split, out);
        return out.getCopyOfBuffer();
    }

    @Override
    public ExchangeSplit deserialize(int version, byte[] serialized) throws IOException {
        if (version != CURRENT_VERSION) {
            throw new IOException("Unrecognized version: " + version);
        }
        return read(new DataInputDeserializer(serialized));
    }

    /** Writes the version-1 form; also used inside the enumerator state. */
    static void write(ExchangeSplit split, DataOutputView out) throws IOException {
        out.writeUTF(split.splitId());
        out.writeUTF(split.venue().id());
        out.writeInt(split.instruments().size());
        for (InstrumentId id : split.instruments()) {
            out.writeUTF(id.toString());
        }
        Map<InstrumentId, Long> last = split.lastSequences();
        out.writeInt(last.size());
        for (Map.Entry<InstrumentId, Long> e : last.entrySet()) {
            out.writeUTF(e.getKey().toString());
            out.writeLong(e.getValue());
        }
    }

    static ExchangeSplit read(DataInputView in) throws IOException {
        String splitId = in.readUTF();
        Venue venue = Venue.fromId(in.readUTF());
        int n = in.readInt();
        List<InstrumentId> instruments = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            instruments.add(InstrumentId.parse(in.readUTF()));
        }
        int m = in.readInt();
        Map<InstrumentId, Long> last = new HashMap<>(m * 2);
        for (int i = 0; i < m; i++) {
            last.put(InstrumentId.parse(in.readUTF()), in.readLong());
        }
        return new ExchangeSplit(splitId, venue, instruments, last);
    }

    /** Enumerator-state helpers: a list of splits in the version-1 form. */
    public static void writeList(List<ExchangeSplit> splits, DataOutputView out)
            throws IOException {
        out.writeInt(splits.size());
        for (ExchangeSplit s : splits) {
            write(s, out);
        }
    }

    public static List<ExchangeSplit> readList(DataInputView in) throws IOException {
        int n = in.readInt();
        List<ExchangeSplit> splits = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            splits.add(read(in));
        }
        return splits;
    }
}
