package dev.candleflow.model;

import java.util.Locale;

/** A trading venue whose feed candleflow understands. */
public enum Venue {
    BINANCE("binance"),
    BYBIT("bybit"),
    OKX("okx"),
    COINBASE("coinbase"),
    KRAKEN("kraken"),
    BITSTAMP("bitstamp"),
    GATEIO("gateio");

    private final String id;

    Venue(String id) {
        this.id = id;
    }

    /** The lowercase identifier used in configuration, storage and Kafka keys. */
    public String id() {
        return id;
    }

    /**
     * Resolves a configured venue name.
     *
     * @throws IllegalArgumentException naming the accepted values when the name is unknown
     */
    public static Venue fromId(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (Venue v : values()) {
            if (v.id.equals(wanted)) {
                return v;
            }
        }
        throw new IllegalArgumentException(
                "Unknown venue '" + name + "'; known venues: " + java.util.Arrays.toString(ids()));
    }

    private static String[] ids() {
        Venue[] all = values();
        String[] ids = new String[all.length];
        for (int i = 0; i < all.length; i++) {
            ids[i] = all[i].id;
        }
        return ids;
    }
}
