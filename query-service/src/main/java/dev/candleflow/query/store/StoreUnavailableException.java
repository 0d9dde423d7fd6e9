package dev.candleflow.query.store;

/** ClickHouse could not answer (down, too slow, or its schema is not there yet): a 503. */
public final class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
