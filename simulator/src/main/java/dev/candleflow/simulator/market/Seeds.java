package dev.candleflow.simulator.market;

import java.nio.charset.StandardCharsets;

/**
 * Derives independent, reproducible random seeds from the market seed and a name, so that adding a
 * venue or an instrument never changes the draws of another.
 */
public final class Seeds {

    private Seeds() {}

    /** A seed for the stream called {@code name} (e.g. {@code "tape|okx|BTC-USDT"}). */
    public static long derive(long seed, String name) {
        // FNV-1a over UTF-8: stable across JVMs, unlike identity hashes.
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix(seed ^ mix(h));
    }

    /** SplitMix64 finalizer, so that similar inputs give unrelated seeds. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
