package dev.candleflow.query.api;

import dev.candleflow.query.store.CandleRow;
import java.util.List;

/** Candles as RFC 4180 CSV with a header row; decimals exact, times epoch milliseconds UTC. */
final class CandleCsv {

    static final String HEADER =
            "venue,symbol,interval,open_time,close_time,open,high,low,close,volume,quote_volume,"
                + "vwap,taker_buy_volume,taker_buy_quote_volume,trade_count,first_trade_id,"
                + "last_trade_id,first_trade_time_us,last_trade_time_us,final,revision,included_venues,excluded_venues,median_price";

    private CandleCsv() {}

    static String write(List<CandleRow> rows) {
        StringBuilder b = new StringBuilder(HEADER.length() + rows.size() * 200);
        b.append(HEADER).append("\r\n");
        for (CandleRow c : rows) {
            Object[] fields = fields(CandleView.of(c));
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append(field(String.valueOf(fields[i])));
            }
            b.append("\r\n");
        }
        return b.toString();
    }

    private static Object[] fields(CandleView v) {
        return new Object[] {
            v.venue(),
            v.symbol(),
            v.interval(),
            v.openTime(),
            v.closeTime(),
            v.open(),
            v.high(),
            v.low(),
            v.close(),
            v.volume(),
            v.quoteVolume(),
            v.vwap(),
            v.takerBuyVolume(),
            v.takerBuyQuoteVolume(),
            v.tradeCount(),
            v.firstTradeId(),
            v.lastTradeId(),
            v.firstTradeTimeUs(),
            v.lastTradeTimeUs(),
            v.isFinal(),
            v.revision(),
            v.includedVenues() == null ? "" : String.join(";", v.includedVenues()),
            v.excludedVenues() == null ? "" : String.join(";", v.excludedVenues()),
            v.medianPrice() == null ? "" : v.medianPrice()
        };
    }

    static String field(String s) {
        if (s.indexOf(',') < 0
                && s.indexOf('"') < 0
                && s.indexOf('\n') < 0
                && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
