package dev.candleflow.simulator.rest;

/** One venue's REST API; called on a REST worker thread, possibly concurrently. */
@FunctionalInterface
public interface RestHandler {

    /** Answers {@code request}; never throws for bad input, which gets the venue's error reply. */
    RestResponse handle(RestRequest request);
}
