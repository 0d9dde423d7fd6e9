package dev.candleflow.job.config;

import dev.candleflow.model.InstrumentId;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * Quote assets that form one consolidated market, e.g. USD, USDT and USDC as "USD". Without a
 * group, every quote is its own market.
 */
public record QuoteGroups(Map<String, String> groupOfQuote) implements Serializable {

    public static final QuoteGroups NONE = new QuoteGroups(Map.of());

    public QuoteGroups {
        groupOfQuote = Map.copyOf(groupOfQuote);
    }

    /** Parses {@code USD:USD,USDT,USDC;EUR:EUR,EURC}. */
    public static QuoteGroups parse(String text) {
        Map<String, String> map = new HashMap<>();
        if (text == null || text.isBlank()) {
            return NONE;
        }
        for (String group : text.split(";")) {
            String[] parts = group.split(":");
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException("'" + group + "' is not GROUP:QUOTE,QUOTE");
            }
            String name = parts[0].trim().toUpperCase(java.util.Locale.ROOT);
            for (String quote : parts[1].split(",")) {
                String q = quote.trim().toUpperCase(java.util.Locale.ROOT);
                if (map.put(q, name) != null) {
                    throw new IllegalArgumentException("quote " + q + " is in two groups");
                }
            }
        }
        return new QuoteGroups(map);
    }

    /** The consolidated market an instrument belongs to, e.g. BTC-USDT to BTC-USD. */
    public String marketOf(InstrumentId instrument) {
        return instrument.base()
                + "-"
                + groupOfQuote.getOrDefault(instrument.quote(), instrument.quote());
    }
}
