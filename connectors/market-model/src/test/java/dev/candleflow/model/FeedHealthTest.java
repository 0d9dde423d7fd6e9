package dev.candleflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class FeedHealthTest {

    static final FeedHealth HEALTH =
            new FeedHealth(
                    Venue.BINANCE,
                    "binance-0",
                    1_700_000_010_000_000L,
                    FeedHealth.State.BACKFILLING,
                    1200,
                    1180,
                    240_000,
                    1,
                    2,
                    35,
                    0,
                    4,
                    3,
                    12,
                    4.5,
                    31.0);

    @Test
    void roundTripsAsPojoWithoutKryo() throws Exception {
        TypeInformation<FeedHealth> info = TypeInformation.of(FeedHealth.class);
        assertThat(info).isInstanceOf(PojoTypeInfo.class);
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);
        TypeSerializer<FeedHealth> serializer = info.createSerializer(config);
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(HEALTH, out);
        FeedHealth back =
                serializer.deserialize(
                        new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
        assertThat(back).isEqualTo(HEALTH);
    }

    @Test
    void statesAreStoredInLowerCase() {
        assertThat(FeedHealth.State.BACKFILLING.id()).isEqualTo("backfilling");
        assertThat(FeedHealth.State.BACKOFF.id()).isEqualTo("backoff");
        assertThat(HEALTH.timeMillis()).isEqualTo(1_700_000_010_000L);
    }

    @Test
    void rejectsNegativeCountersAndMissingIdentity() {
        assertThatThrownBy(
                        () ->
                                new FeedHealth(
                                        Venue.BINANCE,
                                        "binance-0",
                                        1L,
                                        FeedHealth.State.OPEN,
                                        -1,
                                        0,
                                        0,
                                        0,
                                        0,
                                        0,
                                        0,
                                        0,
                                        0,
                                        -1,
                                        -1,
                                        -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () ->
                                new FeedHealth(
                                        Venue.BINANCE,
                                        null,
                                        1L,
                                        FeedHealth.State.OPEN,
                                        0,
                                        0,
                                        0,
                                        0,
                                        0,
                                        0,
                                        0,
                                        0,
                                        0,
                                        -1,
                                        -1,
                                        -1))
                .isInstanceOf(NullPointerException.class);
    }
}
