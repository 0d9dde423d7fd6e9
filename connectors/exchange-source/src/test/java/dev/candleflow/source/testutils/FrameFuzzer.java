package dev.candleflow.source.testutils;

import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded mutations of real frames: truncation, flipped and inserted characters, hostile values in
 * place of real ones, type swaps, wrappers, garbage, oversized and empty frames. A third of the
 * frames stay intact so that trades, duplicates and gaps flow too.
 */
public final class FrameFuzzer {

    private static final Pattern VALUE =
            Pattern.compile(":(\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9][0-9.eE+-]*|true|false|null)");

    private static final List<String> HOSTILE =
            List.of(
                    "NaN",
                    "\"NaN\"",
                    "-1",
                    "\"-1\"",
                    "0",
                    "\"0\"",
                    "1e400",
                    "\"1e400\"",
                    "null",
                    "\"\"",
                    "true",
                    "{}",
                    "[]",
                    "[[[[[[1]]]]]]",
                    "9223372036854775807",
                    "-9223372036854775808",
                    "99999999999999999999999",
                    "\"" + "9".repeat(80) + "\"",
                    "\"\\u0000\"",
                    "\"\uD800\"",
                    "\"0x1F\"",
                    "\" 1 \"",
                    "\"1,5\"",
                    "4.2e-400",
                    "\"2021-02-30T25:61:61Z\"",
                    "{\"nested\":{\"deeper\":[1,{\"x\":null}]}}");

    private final List<String> seeds;
    private final SplittableRandom random;

    public FrameFuzzer(List<String> seeds, long seed) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("no seed frames");
        }
        this.seeds = List.copyOf(seeds);
        this.random = new SplittableRandom(seed);
    }

    public String next() {
        String seed = seeds.get(random.nextInt(seeds.size()));
        int kind = random.nextInt(15);
        return switch (kind) {
            case 0, 1, 2, 3, 4 -> seed;
            case 5 -> seed.substring(0, random.nextInt(Math.max(1, seed.length())));
            case 6 -> flip(seed);
            case 7 -> insert(seed);
            case 8, 9 -> hostile(seed);
            case 10 -> "[" + seed + "]";
            case 11 -> seed + seed;
            case 12 -> garbage();
            case 13 -> random.nextInt(50) == 0 ? oversized(seed) : seed.replace("\"", "'");
            default ->
                    List.of("", " ", "\n", "{}", "[]", "null", "{\"data\":null}")
                            .get(random.nextInt(7));
        };
    }

    private String flip(String s) {
        if (s.isEmpty()) {
            return "x";
        }
        char[] c = s.toCharArray();
        int i = random.nextInt(c.length);
        c[i] =
                Character.isDigit(c[i])
                        ? (char) ('0' + random.nextInt(10))
                        : (char) (33 + random.nextInt(94));
        return new String(c);
    }

    private String insert(String s) {
        int i = random.nextInt(s.length() + 1);
        String what = List.of(",", "}", "{", "\"", ":", "\\", "\u0000", "]").get(random.nextInt(8));
        return s.substring(0, i) + what + s.substring(i);
    }

    private String hostile(String s) {
        Matcher m = VALUE.matcher(s);
        int count = 0;
        while (m.find()) {
            count++;
        }
        if (count == 0) {
            return flip(s);
        }
        int pick = random.nextInt(count);
        m.reset();
        for (int i = 0; i <= pick; i++) {
            m.find();
        }
        String value = HOSTILE.get(random.nextInt(HOSTILE.size()));
        return s.substring(0, m.start(1)) + value + s.substring(m.end(1));
    }

    private String garbage() {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(200);
        for (int i = 0; i < n; i++) {
            sb.append((char) random.nextInt(0x3000));
        }
        return sb.toString();
    }

    private static String oversized(String s) {
        return s + " ".repeat((1 << 20) + 10);
    }
}
