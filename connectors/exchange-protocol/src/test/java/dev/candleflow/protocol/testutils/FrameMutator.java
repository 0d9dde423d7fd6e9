package dev.candleflow.protocol.testutils;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded mutations of real frames: truncation, type swaps, hostile values, dropped and duplicated
 * fields, binary garbage and deep nesting. Deterministic for a given {@link Random}.
 */
public final class FrameMutator {

    /**
     * A JSON member: {@code "key":value} where value is a string, number or literal. Possessive
     * quantifiers keep the regex engine from recursing once per character of long strings.
     */
    private static final Pattern MEMBER =
            Pattern.compile(
                    "\"([A-Za-z_]++)\":(\"(?:[^\"\\\\]++|\\\\.)*+\"|-?[0-9][0-9.eE+-]*+|true|false|null)");

    private static final List<String> HOSTILE_VALUES =
            List.of(
                    "1e400",
                    "\"1e400\"",
                    "99999999999999999999999",
                    "\"99999999999999999999999\"",
                    "\"NaN\"",
                    "NaN",
                    "\"-1\"",
                    "-1",
                    "\"0\"",
                    "0",
                    "\"\"",
                    "null",
                    "true",
                    "{}",
                    "[]",
                    "\"1e-400\"",
                    "-0.0",
                    "\"0x10\"",
                    "\" 1\"",
                    "\"1,5\"",
                    "1.7976931348623157E309",
                    "\"9223372036854775808\"",
                    "9223372036854775807",
                    "-9223372036854775808",
                    "\"" + "9".repeat(70) + "\"",
                    "\"\\u0000\"",
                    "\"\uD800\"",
                    "[[[[[[[[1]]]]]]]]",
                    "{\"a\":{\"b\":{\"c\":[1,2,{\"d\":null}]}}}",
                    "\"2021-02-30T25:61:61Z\"",
                    "\"9999-12-31T23:59:59.999999Z\"",
                    "\"-1000000000-01-01T00:00Z\"");

    private final Random random;

    public FrameMutator(Random random) {
        this.random = random;
    }

    /** One to three mutations of {@code frame}. */
    public String mutate(String frame) {
        String s = frame;
        int rounds = 1 + random.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            s = mutateOnce(s);
        }
        return s;
    }

    private String mutateOnce(String s) {
        return switch (random.nextInt(11)) {
            case 0 -> truncate(s);
            case 1, 2 -> replaceValue(s, HOSTILE_VALUES.get(random.nextInt(HOSTILE_VALUES.size())));
            case 3 -> swapType(s);
            case 4 -> dropMember(s);
            case 5 -> duplicateMember(s);
            case 6 -> garbleRange(s);
            case 7 -> nest(s);
            case 8 -> randomText();
            case 9 -> insertChar(s);
            default -> replaceValue(s, numberLike());
        };
    }

    private String truncate(String s) {
        return s.isEmpty() ? s : s.substring(0, random.nextInt(s.length()));
    }

    private String replaceValue(String s, String value) {
        List<MatchResult> members = members(s);
        if (members.isEmpty()) {
            return s;
        }
        MatchResult m = members.get(random.nextInt(members.size()));
        return s.substring(0, m.start(2)) + value + s.substring(m.end(2));
    }

    private String swapType(String s) {
        List<MatchResult> members = members(s);
        if (members.isEmpty()) {
            return s;
        }
        MatchResult m = members.get(random.nextInt(members.size()));
        String v = m.group(2);
        String swapped = v.startsWith("\"") ? v.substring(1, v.length() - 1) : "\"" + v + "\"";
        if (swapped.isEmpty()) {
            swapped = "0";
        }
        return s.substring(0, m.start(2)) + swapped + s.substring(m.end(2));
    }

    private String dropMember(String s) {
        List<MatchResult> members = members(s);
        if (members.isEmpty()) {
            return s;
        }
        MatchResult m = members.get(random.nextInt(members.size()));
        int end = m.end();
        if (end < s.length() && s.charAt(end) == ',') {
            end++;
        }
        return s.substring(0, m.start()) + s.substring(end);
    }

    /** Repeats a member right before itself with a hostile value: JSON parsers keep the last. */
    private String duplicateMember(String s) {
        List<MatchResult> members = members(s);
        if (members.isEmpty()) {
            return s;
        }
        MatchResult m = members.get(random.nextInt(members.size()));
        String value = HOSTILE_VALUES.get(random.nextInt(HOSTILE_VALUES.size()));
        String copy = "\"" + m.group(1) + "\":" + value + ",";
        boolean hostileLast = random.nextBoolean();
        return hostileLast
                ? s.substring(0, m.end())
                        + ","
                        + copy.substring(0, copy.length() - 1)
                        + s.substring(m.end())
                : s.substring(0, m.start()) + copy + s.substring(m.start());
    }

    private String garbleRange(String s) {
        if (s.isEmpty()) {
            return randomText();
        }
        int from = random.nextInt(s.length());
        int to = Math.min(s.length(), from + 1 + random.nextInt(8));
        return s.substring(0, from) + randomChars(to - from) + s.substring(to);
    }

    private String nest(String s) {
        int depth = 1 + random.nextInt(random.nextBoolean() ? 10 : 3000);
        String open = random.nextBoolean() ? "[" : "{\"data\":";
        String close = open.equals("[") ? "]" : "}";
        return open.repeat(depth) + s + close.repeat(depth);
    }

    private String randomText() {
        return randomChars(random.nextInt(200));
    }

    private String insertChar(String s) {
        int at = s.isEmpty() ? 0 : random.nextInt(s.length());
        return s.substring(0, at) + randomChars(1) + s.substring(at);
    }

    private String numberLike() {
        StringBuilder sb = new StringBuilder(random.nextBoolean() ? "\"" : "");
        boolean quoted = sb.length() == 1;
        if (random.nextInt(4) == 0) {
            sb.append('-');
        }
        sb.append(random.nextInt(10_000));
        if (random.nextBoolean()) {
            sb.append('.').append(random.nextInt(1_000_000));
        }
        if (random.nextInt(5) == 0) {
            sb.append('e').append(random.nextInt(40) - 20);
        }
        return quoted ? sb.append('"').toString() : sb.toString();
    }

    private String randomChars(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(4);
            char c =
                    switch (kind) {
                        case 0 -> (char) random.nextInt(0x20); // control characters
                        case 1 -> "{}[]\":,\\".charAt(random.nextInt(8));
                        case 2 -> (char) random.nextInt(0x10000); // any UTF-16 unit, surrogates too
                        default -> (char) (0x20 + random.nextInt(0x5f));
                    };
            sb.append(c);
        }
        return sb.toString();
    }

    private static List<MatchResult> members(String s) {
        List<MatchResult> found = new ArrayList<>();
        Matcher m = MEMBER.matcher(s);
        while (m.find()) {
            found.add(m.toMatchResult());
        }
        return found;
    }
}
