package dev.candleflow.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Venue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExchangeAdaptersTest {

    private static final List<InstrumentId> BTC = List.of(InstrumentId.parse("BTC-USDT"));

    @ParameterizedTest
    @EnumSource(Venue.class)
    void everyVenueHasAnAdapterThatSurvivesJavaSerialization(Venue venue) throws Exception {
        ExchangeAdapter adapter = ExchangeAdapters.forVenue(venue, VenueEndpoints.LIVE);

        assertThat(adapter.venue()).isEqualTo(venue);
        assertThat(adapter.maxInstrumentsPerConnection()).isPositive();
        assertThat(adapter.idleTimeout()).isPositive();
        ExchangeAdapter copy = roundTrip(adapter);
        assertThat(copy.endpoint(BTC)).isEqualTo(adapter.endpoint(BTC));
        assertThat(copy.sequencePolicy()).isEqualTo(adapter.sequencePolicy());
        if (adapter.backfill().isPresent()) {
            TradeBackfill backfill = roundTrip(adapter.backfill().get());
            assertThat(backfill.request(BTC.get(0), 1L, 10).uri())
                    .isEqualTo(adapter.backfill().get().request(BTC.get(0), 1L, 10).uri());
        }
    }

    @ParameterizedTest
    @EnumSource(Venue.class)
    void endpointsOverrideTheLiveOnes(Venue venue) {
        VenueEndpoints local =
                new VenueEndpoints(
                        URI.create("ws://127.0.0.1:1/"), URI.create("http://127.0.0.1:2"));
        ExchangeAdapter adapter = ExchangeAdapters.forVenue(venue, local);

        assertThat(adapter.endpoint(BTC).toString()).startsWith("ws://127.0.0.1:1");
        adapter.backfill()
                .ifPresent(
                        b ->
                                assertThat(b.request(BTC.get(0), 1L, 10).uri().toString())
                                        .startsWith("http://127.0.0.1:2/"));
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
