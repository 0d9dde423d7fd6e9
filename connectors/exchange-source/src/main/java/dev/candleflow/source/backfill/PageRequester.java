package dev.candleflow.source.backfill;

/** Where {@link SequenceGuard} asks for pages; the answer comes back as a {@link BackfillPage}. */
public interface PageRequester {

    /** Starts fetching one page; never blocks. Exactly one {@link BackfillPage} answers it. */
    void request(PageRequest request);
}
