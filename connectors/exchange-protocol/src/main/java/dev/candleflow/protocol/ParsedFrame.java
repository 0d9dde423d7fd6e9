package dev.candleflow.protocol;

import dev.candleflow.model.Trade;
import java.util.List;
import java.util.Objects;

/** The outcome of parsing one frame from a venue. */
public sealed interface ParsedFrame
        permits ParsedFrame.Trades,
                ParsedFrame.Control,
                ParsedFrame.SequenceMark,
                ParsedFrame.Ignored,
                ParsedFrame.Malformed {

    /** One or more trades, in the order the venue sent them. */
    record Trades(List<Trade> trades) implements ParsedFrame {
        public Trades {
            trades = List.copyOf(trades);
        }
    }

    /** Protocol traffic: acks, pongs, heartbeats, venue errors and notices. */
    record Control(ControlKind kind, String detail) implements ParsedFrame {
        public Control {
            Objects.requireNonNull(kind, "kind");
            detail = detail == null ? "" : detail;
        }
    }

    /**
     * The venue says the newest trade of an instrument has this sequence (Coinbase's heartbeat
     * {@code last_trade_id}); a connection behind it has missed trades.
     */
    record SequenceMark(dev.candleflow.model.InstrumentId instrument, long lastSequence)
            implements ParsedFrame {}

    /** A well-formed frame candleflow has no use for. */
    record Ignored(String why) implements ParsedFrame {}

    /**
     * A frame that could not be used: it becomes a dead letter.
     *
     * @param reason short machine-readable reason, e.g. {@code malformed_json}
     * @param detail what exactly was wrong
     */
    record Malformed(String reason, String detail) implements ParsedFrame {
        public Malformed {
            Objects.requireNonNull(reason, "reason");
            detail = detail == null ? "" : detail;
        }
    }

    /** Kinds of {@link Control} frames. */
    enum ControlKind {
        SUBSCRIBED,
        HEARTBEAT,
        /** The venue refused a request; the detail says why. */
        ERROR,
        /** The venue announced it will close the connection soon: reconnect now. */
        RECONNECT
    }
}
