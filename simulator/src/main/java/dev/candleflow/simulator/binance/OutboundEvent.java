package dev.candleflow.simulator.binance;

/**
 * One event on its way to subscribers; the combined-stream envelope is built at most once, however
 * many combined connections receive it. Used by a single publishing thread.
 */
final class OutboundEvent {

    private final String stream;
    private final String payload;
    private String wrapped;

    OutboundEvent(String stream, String payload) {
        this.stream = stream;
        this.payload = payload;
    }

    String stream() {
        return stream;
    }

    String payload() {
        return payload;
    }

    String wrapped() {
        if (wrapped == null) {
            wrapped = BinanceTradeJson.wrap(stream, payload);
        }
        return wrapped;
    }
}
