package dev.candleflow.cluster.testutils;

import dev.candleflow.local.ClickHouseServer;
import dev.candleflow.simulator.BinanceSimulator;
import dev.candleflow.simulator.market.SimTrade;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which published trades never reached the job's trades table, and when they were published
 * relative to the outages a test caused: the report that tells a lost-during-outage gap (the
 * source's REST backfill) from anything else.
 */
final class TradeAudit {

    private final BinanceSimulator sim;
    private final ClickHouseServer ch;
    private final String database;
    private final List<long[]> outages;

    TradeAudit(BinanceSimulator sim, ClickHouseServer ch, String database, List<long[]> outages) {
        this.sim = sim;
        this.ch = ch;
        this.database = database;
        this.outages = outages;
    }

    String report() {
        try {
            return build();
        } catch (IOException | RuntimeException e) {
            return "\n(trade audit failed: " + e + ")";
        }
    }

    private String build() throws IOException {
        Set<String> stored = new HashSet<>();
        for (String line :
                ch.execute("SELECT symbol, trade_id FROM " + database + ".trades FINAL")
                        .split("\n")) {
            if (!line.isBlank()) {
                stored.add(line.replace('\t', '|'));
            }
        }
        List<SimTrade> published = sim.publishedTrades();
        Map<String, List<String>> missingByPhase = new TreeMap<>();
        for (int i = 0; i < published.size(); i++) {
            SimTrade t = published.get(i);
            if (!stored.contains(CandleRun.instrument(t) + "|" + t.tradeId())) {
                missingByPhase
                        .computeIfAbsent(phase(i), k -> new ArrayList<>())
                        .add(t.symbol() + ":" + t.tradeId());
            }
        }
        StringBuilder out = new StringBuilder("\n--- trade audit: ");
        out.append(published.size())
                .append(" published, ")
                .append(stored.size())
                .append(" stored (FINAL)");
        for (int k = 0; k < outages.size(); k++) {
            out.append("; outage ")
                    .append(k + 1)
                    .append(" = published #")
                    .append(outages.get(k)[0])
                    .append("..#")
                    .append(outages.get(k)[1]);
        }
        missingByPhase.forEach(
                (phase, ids) ->
                        out.append("\nmissing, published ")
                                .append(phase)
                                .append(": ")
                                .append(ids.size())
                                .append(" trades ")
                                .append(ranges(ids)));
        if (missingByPhase.isEmpty()) {
            out.append("\nno published trade is missing");
        }
        Map<String, List<String>> lateByPhase = new TreeMap<>();
        Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < published.size(); i++) {
            index.put(CandleRun.instrument(published.get(i)) + "|" + published.get(i).tradeId(), i);
        }
        String late =
                ch.execute(
                        "SELECT JSONExtractString(payload, 'symbol'), JSONExtractString(payload,"
                                + " 'tradeId') FROM "
                                + database
                                + ".dead_letters WHERE reason = 'late'");
        for (String line : late.split("\n")) {
            if (!line.isBlank()) {
                String[] f = line.split("\t");
                Integer i = index.get(f[0] + "|" + f[1]);
                String symbol = f[0].replace("-", "");
                lateByPhase
                        .computeIfAbsent(
                                i == null ? "(not published)" : phase(i), k -> new ArrayList<>())
                        .add(symbol + ":" + f[1]);
            }
        }
        lateByPhase.forEach(
                (phase, ids) ->
                        out.append("\nlate for their candle (dead letter 'late'), published ")
                                .append(phase)
                                .append(": ")
                                .append(ids.size())
                                .append(" trades ")
                                .append(ranges(ids)));
        out.append("\ndead letters by reason: ")
                .append(
                        ch.execute(
                                        "SELECT reason, count() FROM "
                                                + database
                                                + ".dead_letters GROUP BY reason ORDER BY reason")
                                .strip()
                                .replace('\n', ',')
                                .replace('\t', '='));
        return out.toString();
    }

    /** "before outage 1", "during outage 1", "after outage 1", ... for publication index i. */
    private String phase(long i) {
        String phase = "before any outage";
        for (int k = 0; k < outages.size(); k++) {
            long[] o = outages.get(k);
            if (i >= o[0] && (o[1] < 0 || i < o[1])) {
                return "during outage " + (k + 1) + " (job down)";
            }
            if (i >= o[0]) {
                phase = "after outage " + (k + 1);
            }
        }
        return phase;
    }

    /** BTCUSDT:5..9, ETHUSDT:12 — contiguous ids folded, at most 20 ranges. */
    static String ranges(List<String> ids) {
        List<String> out = new ArrayList<>();
        String symbol = null;
        long from = 0;
        long to = 0;
        for (String id :
                ids.stream()
                        .sorted(
                                (a, b) -> {
                                    String[] x = a.split(":");
                                    String[] y = b.split(":");
                                    int c = x[0].compareTo(y[0]);
                                    return c != 0
                                            ? c
                                            : Long.compare(
                                                    Long.parseLong(x[1]), Long.parseLong(y[1]));
                                })
                        .toList()) {
            String[] parts = id.split(":");
            long n = Long.parseLong(parts[1]);
            if (parts[0].equals(symbol) && n == to + 1) {
                to = n;
                continue;
            }
            if (symbol != null) {
                out.add(symbol + ":" + from + (to > from ? ".." + to : ""));
            }
            symbol = parts[0];
            from = n;
            to = n;
        }
        if (symbol != null) {
            out.add(symbol + ":" + from + (to > from ? ".." + to : ""));
        }
        return out.size() > 20
                ? String.join(", ", out.subList(0, 20)) + ", ... (" + out.size() + " ranges)"
                : String.join(", ", out);
    }
}
