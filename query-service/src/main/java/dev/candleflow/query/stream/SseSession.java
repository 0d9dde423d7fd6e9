package dev.candleflow.query.stream;

import io.micrometer.core.instrument.Counter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IteratingCallback;

/**
 * One Server-Sent Events client. Writes are asynchronous and one at a time (Jetty's {@link
 * IteratingCallback}): while a slow client's write is pending, new candles wait in a {@link
 * ConflatingBuffer}, so it gets the latest state per candle, never an unbounded backlog; when
 * candles had to be dropped it gets a {@code gap} event and should reload history. No thread is
 * held per client.
 */
public final class SseSession extends IteratingCallback implements StreamFanout.Subscriber {

    static final int EVENTS_PER_WRITE = 64;

    private final StreamFilter filter;
    private final Response response;
    private final Callback done;
    private final Runnable onClose;
    private final Counter dropped;
    private final ConflatingBuffer buffer;
    private final ArrayDeque<String> control = new ArrayDeque<>();
    private boolean gapPending;
    private boolean closing;
    private long lastWriteNanos = System.nanoTime();

    public SseSession(
            StreamFilter filter,
            int capacity,
            Response response,
            Callback done,
            Runnable onClose,
            Counter dropped) {
        this.filter = filter;
        this.buffer = new ConflatingBuffer(capacity);
        this.response = response;
        this.done = done;
        this.onClose = onClose;
        this.dropped = dropped;
    }

    @Override
    public StreamFilter filter() {
        return filter;
    }

    @Override
    public void enqueue(StreamEvent e) {
        int lost;
        synchronized (this) {
            lost = buffer.put(e);
            gapPending |= lost > 0;
        }
        if (lost > 0) {
            dropped.increment(lost);
        }
    }

    @Override
    public void signal(String event, String json) {
        synchronized (this) {
            if (control.size() < 16) {
                control.add("event: " + event + "\ndata: " + json + "\n\n");
            }
        }
    }

    @Override
    public void wake() {
        iterate();
    }

    /**
     * Sends a comment if nothing was written for {@code idleNanos}: keeps proxies and NATs open.
     */
    public void keepalive(long idleNanos) {
        synchronized (this) {
            if (System.nanoTime() - lastWriteNanos < idleNanos || !control.isEmpty()) {
                return;
            }
            control.add(": keepalive\n\n");
        }
        iterate();
    }

    /** Ends the stream after what is queued (service shutdown). */
    public void shutdown() {
        synchronized (this) {
            closing = true;
        }
        iterate();
    }

    public synchronized int backlog() {
        return buffer.size();
    }

    @Override
    protected Action process() {
        String chunk = nextChunk();
        if (chunk == null) {
            synchronized (this) {
                return closing ? Action.SUCCEEDED : Action.IDLE;
            }
        }
        response.write(false, ByteBuffer.wrap(chunk.getBytes(StandardCharsets.UTF_8)), this);
        return Action.SCHEDULED;
    }

    private synchronized String nextChunk() {
        StringBuilder b = new StringBuilder();
        while (!control.isEmpty()) {
            b.append(control.poll());
        }
        if (gapPending) {
            gapPending = false;
            b.append("event: gap\ndata: {\"reason\":\"slow-client\"}\n\n");
        }
        List<StreamEvent> events = buffer.take(EVENTS_PER_WRITE);
        for (StreamEvent e : events) {
            b.append("id: ")
                    .append(e.position().encode())
                    .append("\nevent: candle\ndata: ")
                    .append(e.json())
                    .append("\n\n");
        }
        if (b.length() == 0) {
            return null;
        }
        lastWriteNanos = System.nanoTime();
        return b.toString();
    }

    @Override
    protected void onCompleteSuccess() {
        onClose.run();
        response.write(true, null, done);
    }

    @Override
    protected void onCompleteFailure(Throwable cause) {
        onClose.run();
        done.failed(cause);
    }
}
