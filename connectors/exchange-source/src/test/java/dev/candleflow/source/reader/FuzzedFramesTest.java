package dev.candleflow.source.reader;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.candleflow.model.DeadLetter;
import dev.candleflow.model.InstrumentId;
import dev.candleflow.model.Venue;
import dev.candleflow.protocol.ExchangeAdapter;
import dev.candleflow.protocol.ExchangeAdapters;
import dev.candleflow.protocol.ParsedFrame;
import dev.candleflow.protocol.VenueEndpoints;
import dev.candleflow.source.FeedEvent;
import dev.candleflow.source.split.ExchangeSplit;
import dev.candleflow.source.testutils.FakeTransport;
import dev.candleflow.source.testutils.FakeTransport.FakeConnection;
import dev.candleflow.source.testutils.FrameFuzzer;
import dev.candleflow.source.testutils.ReaderHarness;
import dev.candleflow.source.transport.Clocks;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * 10,000 fuzzed frames per venue through the reader (split reader, sequence guard, emitter): no
 * exception escapes, and every frame the venue's adapter rejects comes out as exactly one dead
 * letter with its reason and payload. Seeds are the venue's recorded frames in exchange-protocol.
 */
class FuzzedFramesTest {

    private static final int FRAMES = 10_000;
    private static final Path RECORDED =
            Path.of("..", "exchange-protocol", "src", "test", "resources", "frames");

    /** Every REST backfill is answered 404: gaps from fuzzed ids are reported, fast. */
    private static HttpServer rest;

    @BeforeAll
    static void startRest() throws IOException {
        rest = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        rest.createContext(
                "/",
                exchange -> {
                    exchange.sendResponseHeaders(404, -1);
                    exchange.close();
                });
        rest.start();
    }

    @AfterAll
    static void stopRest() {
        rest.stop(0);
    }

    @ParameterizedTest
    @EnumSource(Venue.class)
    void everyRejectedFrameBecomesOneDeadLetterAndNothingEscapes(Venue venue) throws Exception {
        List<String> seeds = seeds(venue);
        URI restBase = URI.create("http://127.0.0.1:" + rest.getAddress().getPort());
        ExchangeAdapter adapter = adapter(venue, restBase);
        FakeTransport transport = new FakeTransport(false);
        try (ReaderHarness harness =
                new ReaderHarness(
                        adapter,
                        transport,
                        ReaderHarness.fastSettings(2 * FRAMES, Duration.ofSeconds(1)))) {
            List<InstrumentId> instruments = List.of(InstrumentId.parse("BTC-USDT"));
            harness.add(new ExchangeSplit(venue.id() + "-0", venue, instruments, Map.of()));
            harness.pumpUntil(
                    "a connection",
                    Duration.ofSeconds(5),
                    () -> !transport.connections().isEmpty());
            FakeConnection c = transport.last();
            c.open();

            FrameFuzzer fuzzer = new FrameFuzzer(seeds, venue.ordinal() * 7919L + 17);
            Map<String, Integer> expected = new HashMap<>();
            for (int i = 0; i < FRAMES; i++) {
                String frame = fuzzer.next();
                String reason = rejection(adapter.parse(frame, Clocks.nowMicros()));
                if (reason != null) {
                    expected.merge(reason + "|" + cut(frame), 1, Integer::sum);
                }
                c.frame(frame);
            }
            int rejected = expected.values().stream().mapToInt(Integer::intValue).sum();
            harness.pumpUntil(
                    rejected + " dead letters",
                    Duration.ofSeconds(60),
                    () -> frameDeadLetters(harness).size() >= rejected);
            Map<String, Integer> actual = new HashMap<>();
            for (DeadLetter dl : frameDeadLetters(harness)) {
                assertThat(dl.reason()).isNotBlank();
                assertThat(dl.venue()).isEqualTo(venue);
                actual.merge(dl.reason() + "|" + dl.payload(), 1, Integer::sum);
            }
            assertThat(actual).isEqualTo(expected);
            assertThat(rejected).as("the fuzzer must produce bad frames").isGreaterThan(FRAMES / 3);
            assertThat(harness.out.events.stream().filter(FeedEvent::isTrade).count())
                    .as("intact seeds still carry trades")
                    .isPositive();
            harness.pumpOnce(); // the reader is still healthy
        }
    }

    /** The reason the reader gives a frame the adapter rejects, or null for a usable one. */
    private static String rejection(ParsedFrame parsed) {
        if (parsed instanceof ParsedFrame.Malformed m) {
            return m.reason();
        }
        if (parsed instanceof ParsedFrame.Control c && c.kind() == ParsedFrame.ControlKind.ERROR) {
            return "venue_error";
        }
        return null;
    }

    private static List<DeadLetter> frameDeadLetters(ReaderHarness harness) {
        return harness.out.events.stream()
                .filter(FeedEvent::isDeadLetter)
                .map(FeedEvent::deadLetter)
                .filter(d -> !d.reason().equals("unrecoverable_gap"))
                .toList();
    }

    private static String cut(String frame) {
        return new DeadLetter(Venue.BINANCE, "x", "", frame, 0L).payload();
    }

    private static ExchangeAdapter adapter(Venue venue, URI restBase) {
        return ExchangeAdapters.forVenue(
                venue, new VenueEndpoints(URI.create("ws://127.0.0.1:9"), restBase));
    }

    private static List<String> seeds(Venue venue) throws IOException {
        Path dir = RECORDED.resolve(venue.id());
        assertThat(dir).as("recorded frames of %s (STYLE §10)", venue).isDirectory();
        List<String> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                Files.readAllLines(f).stream().filter(l -> !l.isBlank()).forEach(seeds::add);
            }
        }
        return seeds;
    }
}
