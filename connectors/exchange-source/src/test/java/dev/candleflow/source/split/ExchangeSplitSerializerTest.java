package dev.candleflow.source.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Venue;
import dev.candleflow.source.enumerator.ExchangeEnumState;
import dev.candleflow.source.enumerator.ExchangeEnumStateSerializer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class ExchangeSplitSerializerTest {

    private static final InstrumentId BTC = InstrumentId.parse("BTC-USDT");
    private static final InstrumentId ETH = InstrumentId.parse("ETH-USDT");
    private static final InstrumentId SOL = InstrumentId.parse("SOL-USDT");

    static final ExchangeSplit SPLIT =
            new ExchangeSplit(
                    "binance-0",
                    Venue.BINANCE,
                    List.of(BTC, ETH),
                    Map.of(BTC, 2_490_125_311L),
                    Map.of(BTC, 1_672_515_782_135_000L));

    @Test
    void roundTripsWithLastSequencesAndTheirEventTimes() throws IOException {
        ExchangeSplitSerializer s = new ExchangeSplitSerializer();
        assertThat(s.getVersion()).isEqualTo(2);
        ExchangeSplit back = s.deserialize(s.getVersion(), s.serialize(SPLIT));
        assertThat(back).isEqualTo(SPLIT);
        assertThat(back.lastEventTimes()).containsEntry(BTC, 1_672_515_782_135_000L);
    }

    @Test
    void stateSnapshotCarriesTheNewestTrade() throws IOException {
        ExchangeSplitState state = new ExchangeSplitState(SPLIT);
        state.recordTrade(ETH, 7L, 70L);
        state.recordTrade(BTC, 2_490_125_400L, 80L);
        ExchangeSplitSerializer s = new ExchangeSplitSerializer();
        ExchangeSplit back = s.deserialize(2, s.serialize(state.toSplit()));
        assertThat(back.lastSequences()).containsEntry(ETH, 7L).containsEntry(BTC, 2_490_125_400L);
        assertThat(back.lastEventTimes()).containsEntry(ETH, 70L).containsEntry(BTC, 80L);
    }

    @Test
    void readsVersionOneCheckpointsWithoutEventTimes() throws IOException {
        ExchangeSplitSerializer s = new ExchangeSplitSerializer();
        ExchangeSplit back = s.deserialize(1, versionOne());
        assertThat(back.lastSequences()).containsExactly(Map.entry(BTC, 2_490_125_311L));
        assertThat(back.lastEventTimes()).isEmpty();
        assertThat(back.instruments()).containsExactly(BTC, ETH);
    }

    @Test
    void rejectsUnknownVersions() {
        ExchangeSplitSerializer s = new ExchangeSplitSerializer();
        assertThatThrownBy(() -> s.deserialize(99, s.serialize(SPLIT)))
                .isInstanceOf(IOException.class)
                .hasMessage("Unrecognized version: 99");
        ExchangeEnumStateSerializer e = new ExchangeEnumStateSerializer();
        assertThatThrownBy(() -> e.deserialize(4, new byte[0]))
                .hasMessage("Unrecognized version: 4");
    }

    @Test
    void enumeratorStateRoundTripsAndReadsVersionOne() throws IOException {
        ExchangeEnumStateSerializer e = new ExchangeEnumStateSerializer();
        ExchangeSplit other = new ExchangeSplit("binance-1", Venue.BINANCE, List.of(SOL), Map.of());
        ExchangeEnumState state =
                new ExchangeEnumState(
                        List.of(SPLIT),
                        List.of(
                                new ExchangeSplit(
                                        "binance-0", Venue.BINANCE, List.of(BTC, ETH), Map.of()),
                                other));
        ExchangeEnumState back = e.deserialize(e.getVersion(), e.serialize(state));
        assertThat(back).isEqualTo(state);
        assertThat(back.splitLayout())
                .hasValueSatisfying(l -> assertThat(l.contains("binance-1")).isTrue());

        DataOutputSerializer v1 = new DataOutputSerializer(64);
        v1.writeInt(1);
        v1.write(versionOne());
        ExchangeEnumState old = e.deserialize(1, v1.getCopyOfBuffer());
        assertThat(old.splitLayout()).as("older states have no layout").isEmpty();
        assertThat(old.unassigned())
                .singleElement()
                .satisfies(split -> assertThat(split.lastSequences()).containsKey(BTC));
    }

    /** A split as version 1 wrote it: no event times. */
    private static byte[] versionOne() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        out.writeUTF("binance-0");
        out.writeUTF("binance");
        out.writeInt(2);
        out.writeUTF("BTC-USDT");
        out.writeUTF("ETH-USDT");
        out.writeInt(1);
        out.writeUTF("BTC-USDT");
        out.writeLong(2_490_125_311L);
        return out.getCopyOfBuffer();
    }
}
