package dev.candleflow.protocol.binance;

/**
 * The fields of one Binance frame that candleflow reads, filled by a streaming parse. Mutable and
 * reused only within one {@code parse} call.
 */
final class BinanceTradeMessage {
    String eventType; // "e"
    String symbol; // "s"
    Long tradeId; // "t"
    String price; // "p"
    String quantity; // "q"
    Long tradeTime; // "T" (ms)
    Boolean buyerIsMaker; // "m"

    // control frames
    boolean hasResult; // "result" present: an ack or a query answer
    String errorMessage; // "error": {"code":..,"msg":..}
    String stream; // combined-stream wrapper
}
