package dev.candleflow.simulator.fault;

/**
 * What happens to one trade's frame on its way to each subscribed connection.
 *
 * @param junkBefore a junk frame sent just before it, or null
 * @param truncatedCopyBefore whether a cut-short copy of it is sent just before it
 * @param truncate whether the frame itself is cut short (its trade then never arrives intact)
 * @param duplicate whether the frame is sent twice
 */
public record FrameFaults(
        String junkBefore, boolean truncatedCopyBefore, boolean truncate, boolean duplicate) {

    public static final FrameFaults NONE = new FrameFaults(null, false, false, false);

    /** The first half of {@code frame}: never valid JSON for a JSON object or array. */
    public static String truncated(String frame) {
        return frame.substring(0, Math.max(1, frame.length() / 2));
    }
}
