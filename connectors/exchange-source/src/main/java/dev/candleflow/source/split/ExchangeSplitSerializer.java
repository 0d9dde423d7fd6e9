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

/**
 * Versioned binary form of {@link ExchangeSplit} for checkpoints. Version 2 adds the last event
 * time per instrument; version 1 checkpoints still restore (without those times).
 */
public final class ExchangeSplitSerializer implements SimpleVersionedSerializer<ExchangeSplit> {

    public static final ExchangeSplitSerializer INSTANCE = new ExchangeSplitSerializer();
    static final int VERSION_1 = 1;
    static final int CURRENT_VERSION = 2;

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
        checkVersion(version);
        return read(new DataInputDeserializer(serialized), version);
    }

    /** Throws for versions this serializer cannot read. */
    public static void checkVersion(int version) throws IOException {
        if (version != VERSION_1 && version != CURRENT_VERSION) {
            throw new IOException("Unrecognized version: " + version);
        }
    }

    /** Writes the current form; also used inside the enumerator state. */
    static void write(ExchangeSplit split, DataOutputView out) throws IOException {
        out.writeUTF(split.splitId());
        out.writeUTF(split.venue().id());
        out.writeInt(split.instruments().size());
        for (InstrumentId id : split.instruments()) {
            out.writeUTF(id.toString());
        }
        writeMap(split.lastSequences(), out);
        writeMap(split.lastEventTimes(), out);
    }

    static ExchangeSplit read(DataInputView in, int version) throws IOException {
        String splitId = in.readUTF();
        Venue venue = Venue.fromId(in.readUTF());
        int n = in.readInt();
        List<InstrumentId> instruments = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            instruments.add(InstrumentId.parse(in.readUTF()));
        }
        Map<InstrumentId, Long> last = readMap(in);
        Map<InstrumentId, Long> times = version >= CURRENT_VERSION ? readMap(in) : Map.of();
        return new ExchangeSplit(splitId, venue, instruments, last, times);
    }

    private static void writeMap(Map<InstrumentId, Long> map, DataOutputView out)
            throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<InstrumentId, Long> e : map.entrySet()) {
            out.writeUTF(e.getKey().toString());
            out.writeLong(e.getValue());
        }
    }

    private static Map<InstrumentId, Long> readMap(DataInputView in) throws IOException {
        int m = in.readInt();
        Map<InstrumentId, Long> map = new HashMap<>(m * 2);
        for (int i = 0; i < m; i++) {
            map.put(InstrumentId.parse(in.readUTF()), in.readLong());
        }
        return map;
    }

    /** Enumerator-state helpers: a list of splits in the current form. */
    public static void writeList(List<ExchangeSplit> splits, DataOutputView out)
            throws IOException {
        out.writeInt(splits.size());
        for (ExchangeSplit s : splits) {
            write(s, out);
        }
    }

    /** Reads a list written by {@link #writeList} in the given split version. */
    public static List<ExchangeSplit> readList(DataInputView in, int version) throws IOException {
        checkVersion(version);
        int n = in.readInt();
        List<ExchangeSplit> splits = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            splits.add(read(in, version));
        }
        return splits;
    }
}
