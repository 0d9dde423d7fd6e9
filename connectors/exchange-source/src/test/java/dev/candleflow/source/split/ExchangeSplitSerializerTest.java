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
import org.junit.jupiter.api.Test;

class ExchangeSplitSerializerTest {

    static final ExchangeSplit SPLIT =
            new ExchangeSplit(
                    "binance-0",
                    Venue.BINANCE,
                    List.of(InstrumentId.parse("BTC-USDT"), InstrumentId.parse("ETH-USDT")),
                    Map.of(InstrumentId.parse("BTC-USDT"), 2_490_125_311L));

    @Test
    void roundTripsWithLastSequences() throws IOException {
        ExchangeSplitSerializer s = new ExchangeSplitSerializer();
        assertThat(s.deserialize(s.getVersion(), s.serialize(SPLIT))).isEqualTo(SPLIT);
    }

    @Test
    void stateSnapshotCarriesTheNewestSequence() throws IOException {
        ExchangeSplitState state = new ExchangeSplitState(SPLIT);
        state.recordSequence(InstrumentId.parse("ETH-USDT"), 7L);
        state.recordSequence(InstrumentId.parse("BTC-USDT"), 2_490_125_400L);
        ExchangeSplitSerializer s = new ExchangeSplitSerializer();
        ExchangeSplit back = s.deserialize(1, s.serialize(state.toSplit()));
        assertThat(back.lastSequences())
                .containsEntry(InstrumentId.parse("ETH-USDT"), 7L)
                .containsEntry(InstrumentId.parse("BTC-USDT"), 2_490_125_400L);
    }

    @Test
    void rejectsUnknownVersions() {
        ExchangeSplitSerializer s = new ExchangeSplitSerializer();
        assertThatThrownBy(() -> s.deserialize(99, s.serialize(SPLIT)))
                .isInstanceOf(IOException.class)
                .hasMessage("Unrecognized version: 99");
        ExchangeEnumStateSerializer e = new ExchangeEnumStateSerializer();
        assertThatThrownBy(() -> e.deserialize(2, new byte[0]))
                .hasMessage("Unrecognized version: 2");
    }

    @Test
    void enumeratorStateRoundTrips() throws IOException {
        ExchangeEnumStateSerializer e = new ExchangeEnumStateSerializer();
        ExchangeEnumState state = new ExchangeEnumState(List.of(SPLIT));
        assertThat(e.deserialize(e.getVersion(), e.serialize(state))).isEqualTo(state);
    }
}
