package dev.candleflow.simulator.venue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The venues the simulator can impersonate. */
public enum VenueId {
    BINANCE("binance"),
    BYBIT("bybit"),
    OKX("okx"),
    COINBASE("coinbase"),
    KRAKEN("kraken"),
    BITSTAMP("bitstamp"),
    GATEIO("gateio");

    private final String id;

    VenueId(String id) {
        this.id = id;
    }

    /** Lower-case identifier, as in {@code --venues binance,okx}. */
    public String id() {
        return id;
    }

    /**
     * Resolves a venue name, case-insensitively; {@code gate} and {@code gate.io} mean Gate.io.
     *
     * @throws IllegalArgumentException naming the known venues
     */
    public static VenueId fromId(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        if (wanted.equals("gate") || wanted.equals("gate.io")) {
            return GATEIO;
        }
        for (VenueId v : values()) {
            if (v.id.equals(wanted)) {
                return v;
            }
        }
        throw new IllegalArgumentException(
                "Unknown venue '"
                        + name
                        + "'; known venues: "
                        + Arrays.stream(values())
                                .map(VenueId::id)
                                .collect(Collectors.joining(",")));
    }

    @Override
    public String toString() {
        return id;
    }
}
