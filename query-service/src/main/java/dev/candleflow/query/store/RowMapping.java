package dev.candleflow.query.store;

import com.clickhouse.client.api.query.GenericRecord;
import java.util.ArrayList;
import java.util.List;

/** Maps ClickHouse rows of {@link CandleQueries} to records, and formats array parameters. */
final class RowMapping {

    private RowMapping() {}

    static CandleRow candle(GenericRecord r) {
        return new CandleRow(
                r.getString("venue"),
                r.getString("symbol"),
                r.getString("interval"),
                r.getLong("open_ms"),
                r.getLong("close_ms"),
                r.getBigDecimal("open"),
                r.getBigDecimal("high"),
                r.getBigDecimal("low"),
                r.getBigDecimal("close"),
                r.getBigDecimal("volume"),
                r.getBigDecimal("quote_volume"),
                r.getBigDecimal("vwap"),
                r.getBigDecimal("taker_buy_volume"),
                r.getBigDecimal("taker_buy_quote_volume"),
                r.getLong("trade_count"),
                r.getString("first_trade_id"),
                r.getString("last_trade_id"),
                r.getLong("first_trade_us"),
                r.getLong("last_trade_us"),
                r.getBoolean("is_final"),
                r.getLong("revision"),
                strings(r, "included_venues"),
                strings(r, "excluded_venues"),
                r.getBigDecimal("median_price"));
    }

    static VenuePrice venuePrice(GenericRecord r) {
        return new VenuePrice(
                r.getString("venue"),
                r.getString("symbol"),
                r.getLong("last_open_ms"),
                r.getLong("last_close_ms"),
                r.getBigDecimal("last_price"),
                r.getBigDecimal("open_price"),
                r.getBigDecimal("volume"),
                r.getBigDecimal("quote_volume"),
                strings(r, "included_venues"),
                strings(r, "excluded_venues"));
    }

    static OutlierRow outlier(GenericRecord r) {
        return new OutlierRow(
                r.getString("symbol"),
                r.getString("venue"),
                r.getLong("time_ms"),
                r.getString("rule"),
                r.getString("action"),
                r.getBigDecimal("price"),
                r.getBigDecimal("reference"),
                r.getDouble("deviation_bps"),
                r.getDouble("threshold"),
                r.getString("severity"),
                r.getString("trade_id"));
    }

    static FeedHealthRow feedHealth(GenericRecord r) {
        return new FeedHealthRow(
                r.getString("venue"),
                r.getString("split_id"),
                r.getString("state"),
                r.getLong("last_report_ms"),
                r.getLong("frames"),
                r.getLong("trades"),
                r.getLong("reconnects"),
                r.getLong("gaps"),
                r.getLong("trades_backfilled"),
                r.getLong("unrecoverable_gaps"),
                r.getLong("duplicates"),
                r.getLong("dead_letters"),
                r.getLong("last_message_age_ms"),
                r.getDouble("lag_p50_ms"),
                r.getDouble("lag_p99_ms"));
    }

    static ApiKeyRow apiKey(GenericRecord r) {
        return new ApiKeyRow(
                r.getString("key_id"),
                r.getString("name"),
                r.getString("key_hash"),
                strings(r, "scopes"),
                (int) r.getLong("rate_per_minute"),
                (int) r.getLong("burst"),
                r.getLong("created_ms"),
                r.getBoolean("revoked"),
                r.getLong("revoked_ms"));
    }

    static List<String> strings(GenericRecord r, String column) {
        List<?> values = r.getList(column);
        List<String> out = new ArrayList<>(values == null ? 0 : values.size());
        if (values != null) {
            values.forEach(v -> out.add(String.valueOf(v)));
        }
        return List.copyOf(out);
    }

    /**
     * An {@code Array(String)} parameter value as the server parses it: {@code ['a','b']}, with
     * backslashes and quotes escaped. This is data for the server's parameter parser, not SQL.
     */
    static String stringArray(List<String> values) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append('\'')
                    .append(values.get(i).replace("\\", "\\\\").replace("'", "\\'"))
                    .append('\'');
        }
        return b.append(']').toString();
    }

    /**
     * A {@code String} parameter value as the server reads it (escaped, like TabSeparated), for
     * free text such as a key's name; validated values (symbols, venues) need no escaping.
     */
    static String escaped(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }
}
