package dev.candleflow.simulator.fault;

/**
 * How often each fault has actually happened on one venue, plus what clients did about it, so a
 * test can assert that a job saw reconnects, gaps and backfills.
 *
 * @param dropEvents times every connection was cut at once
 * @param connectionsDropped connections cut without a close handshake (drops, slow clients and
 *     missed pongs included)
 * @param stalls stall periods started
 * @param stalledFrames frames not sent because the venue was stalled
 * @param garbageFrames junk or truncated-copy frames inserted before a real frame
 * @param truncatedFrames real trade frames cut short (their trade is lost on the WebSocket)
 * @param duplicatedFrames trade frames sent twice
 * @param reorderedTrades trades held back and sent after later trades of their symbol
 * @param withheldRuns withhold runs started
 * @param withheldTrades trades published (in the REST history) but never sent on the WebSocket
 * @param refusedSubscriptions subscribe requests answered with the venue's error
 * @param delayedPongs client pings answered late
 * @param ignoredPings client pings never answered
 * @param forcedDisconnects connections closed by the venue (reconnect notice, maintenance, maximum
 *     connection age)
 * @param connectionsOpened WebSocket connections accepted so far
 * @param restRequests REST requests answered so far
 */
public record FaultStats(
        long dropEvents,
        long connectionsDropped,
        long stalls,
        long stalledFrames,
        long garbageFrames,
        long truncatedFrames,
        long duplicatedFrames,
        long reorderedTrades,
        long withheldRuns,
        long withheldTrades,
        long refusedSubscriptions,
        long delayedPongs,
        long ignoredPings,
        long forcedDisconnects,
        long connectionsOpened,
        long restRequests) {}
