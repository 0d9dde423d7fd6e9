package dev.candleflow.simulator.kraken;

import dev.candleflow.simulator.venue.VenueTrade;
import dev.candleflow.simulator.venue.WireText;
import java.math.RoundingMode;
import java.util.List;

/**
 * Kraken's wire text for trades: v2 {@code trade} messages (numbers as JSON numbers) and REST trade
 * arrays ({@code [price, volume, time, b|s, m|l, misc, trade_id]}).
 */
final class KrakenMessages {

    private KrakenMessages() {}

    /** {@code {"channel":"trade","type":"snapshot"|"update","data":[..]}}. */
    static String trades(String type, List<VenueTrade> trades) {
        StringBuilder out =
                new StringBuilder(64 + trades.size() * 200)
                        .append("{\"channel\":\"trade\",\"type\":\"")
                        .append(type)
                        .append("\",\"data\":[");
        for (int i = 0; i < trades.size(); i++) {
            VenueTrade t = trades.get(i);
            out.append(i == 0 ? "" : ",")
                    .append("{\"symbol\":\"")
                    .append(t.symbol())
                    .append("\",\"side\":\"")
                    .append(t.takerSide().lowerCase())
                    .append("\",\"price\":")
                    .append(t.price().toPlainString())
                    .append(",\"qty\":")
                    .append(t.quantity().toPlainString())
                    .append(",\"ord_type\":\"")
                    .append(orderType(t))
                    .append("\",\"trade_id\":")
                    .append(t.tradeId())
                    .append(",\"timestamp\":\"")
                    .append(WireText.isoMicros(t.eventTimeMicros()))
                    .append("\"}");
        }
        return out.append("]}").toString();
    }

    /**
     * One REST trade: {@code ["30243.40000","0.34507674",1688669597.827737,"b","m","",61044952]}.
     */
    static String restItem(VenueTrade t) {
        return "[\""
                + t.price()
                        .setScale(Math.max(5, t.price().scale()), RoundingMode.UNNECESSARY)
                        .toPlainString()
                + "\",\""
                + t.quantity()
                        .setScale(Math.max(8, t.quantity().scale()), RoundingMode.UNNECESSARY)
                        .toPlainString()
                + "\","
                + WireText.secondsWithMicros(t.eventTimeMicros())
                + ",\""
                + (t.takerSide().lowerCase().charAt(0))
                + "\",\""
                + orderType(t).charAt(0)
                + "\",\"\","
                + t.tradeId()
                + "]";
    }

    /** Most takers are market orders; one in five is a marketable limit order. */
    static String orderType(VenueTrade t) {
        return Math.floorMod(t.sequence(), 5) == 0 ? "limit" : "market";
    }
}
