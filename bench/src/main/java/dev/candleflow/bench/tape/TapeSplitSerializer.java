package dev.candleflow.bench.tape;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** Serializes tape splits (index, position) and the enumerator's unassigned splits. */
final class TapeSplitSerializer {

    static final int CURRENT_VERSION = 1;

    private TapeSplitSerializer() {}

    /** Of one split. */
    static final class Splits implements SimpleVersionedSerializer<TapeSplit> {
        @Override
        public int getVersion() {
            return CURRENT_VERSION;
        }

        @Override
        public byte[] serialize(TapeSplit split) throws IOException {
            return write(List.of(split));
        }

        @Override
        public TapeSplit deserialize(int version, byte[] bytes) throws IOException {
            return read(version, bytes).get(0);
        }
    }

    /** Of the enumerator's state: the splits not yet assigned. */
    static final class Unassigned implements SimpleVersionedSerializer<List<TapeSplit>> {
        @Override
        public int getVersion() {
            return CURRENT_VERSION;
        }

        @Override
        public byte[] serialize(List<TapeSplit> splits) throws IOException {
            return write(splits);
        }

        @Override
        public List<TapeSplit> deserialize(int version, byte[] bytes) throws IOException {
            return read(version, bytes);
        }
    }

    private static byte[] write(List<TapeSplit> splits) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(splits.size());
            for (TapeSplit s : splits) {
                out.writeInt(s.index());
                out.writeInt(s.position());
            }
        }
        return bytes.toByteArray();
    }

    private static List<TapeSplit> read(int version, byte[] bytes) throws IOException {
        if (version != CURRENT_VERSION) {
            throw new IOException("Unrecognized version: " + version);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int n = in.readInt();
            List<TapeSplit> splits = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                splits.add(new TapeSplit(in.readInt(), in.readInt()));
            }
            return splits;
        }
    }
}
