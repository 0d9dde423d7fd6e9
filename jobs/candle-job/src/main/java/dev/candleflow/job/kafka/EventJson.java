package dev.candleflow.job.kafka;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.candleflow.model.DeadLetter;
import dev.candleflow.model.FeedHealth;
import dev.candleflow.model.OutlierEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON values of the {@code outliers} and {@code dead-letters} topics (schemas in the README).
 * Decimals are strings; times are epoch microseconds, as the events carry them.
 */
public final class EventJson {

    private static final JsonFactory JSON = new JsonFactory();

    private EventJson() {}

    /**
     * {@code
     * {"symbol":"BTC-USDT","venue":"okx","timeUs":..,"rule":"off_market","action":"excluded",
     * "price":"..","reference":"..","deviationBps":312.5,"threshold":6.0,"severity":"warning",
     * "tradeId":""}}
     */
    public static byte[] toJson(OutlierEvent e) {
        return write(
                g -> {
                    g.writeStringField("symbol", e.instrument().toString());
                    g.writeStringField("venue", e.venue().id());
                    g.writeNumberField("timeUs", e.timeMicros());
                    g.writeStringField("rule", e.rule().id());
                    g.writeStringField("action", e.action().id());
                    g.writeStringField("price", e.price().toPlainString());
                    g.writeStringField("reference", e.reference().toPlainString());
                    g.writeNumberField("deviationBps", e.deviationBps());
                    g.writeNumberField("threshold", e.threshold());
                    g.writeStringField(
                            "severity", e.severity().name().toLowerCase(java.util.Locale.ROOT));
                    g.writeStringField("tradeId", e.tradeId());
                });
    }

    /**
     * {@code
     * {"venue":"binance","reason":"bad_price","detail":"..","payload":"..","receivedAtUs":..}}
     */
    public static byte[] toJson(DeadLetter d) {
        return write(
                g -> {
                    g.writeStringField("venue", d.venue().id());
                    g.writeStringField("reason", d.reason());
                    g.writeStringField("detail", d.detail());
                    g.writeStringField("payload", d.payload());
                    g.writeNumberField("receivedAtUs", d.receivedAtMicros());
                });
    }

    /**
     * {@code {"venue":"okx","splitId":"okx-0","timeUs":..,"state":"open","frames":..,"trades":..,
     * "bytes":..,"reconnects":0,"gaps":0,"tradesBackfilled":0,"unrecoverableGaps":0,
     * "duplicates":0,"deadLetters":0,"lastMessageAgeMs":12,"lagP50Ms":3.1,"lagP99Ms":18.0}};
     * counters cover the reporting interval that ends at timeUs.
     */
    public static byte[] toJson(FeedHealth h) {
        return write(
                g -> {
                    g.writeStringField("venue", h.venue().id());
                    g.writeStringField("splitId", h.splitId());
                    g.writeNumberField("timeUs", h.timeMicros());
                    g.writeStringField("state", h.state().id());
                    g.writeNumberField("frames", h.frames());
                    g.writeNumberField("trades", h.trades());
                    g.writeNumberField("bytes", h.bytes());
                    g.writeNumberField("reconnects", h.reconnects());
                    g.writeNumberField("gaps", h.gaps());
                    g.writeNumberField("tradesBackfilled", h.tradesBackfilled());
                    g.writeNumberField("unrecoverableGaps", h.unrecoverableGaps());
                    g.writeNumberField("duplicates", h.duplicates());
                    g.writeNumberField("deadLetters", h.deadLetters());
                    g.writeNumberField("lastMessageAgeMs", h.lastMessageAgeMs());
                    g.writeNumberField("lagP50Ms", h.lagP50Ms());
                    g.writeNumberField("lagP99Ms", h.lagP99Ms());
                });
    }

    /** Writes the fields of one object. */
    interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    static byte[] write(Fields fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write JSON", e);
        }
        return out.toByteArray();
    }
}
