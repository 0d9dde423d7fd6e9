package dev.candleflow.query.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Strict IP address literals: IPv4 dotted quads and IPv6 (with {@code ::}, an embedded IPv4 tail,
 * brackets and a {@code %zone}). Parsed here rather than with {@link InetAddress#getByName}, which
 * would send anything that is not a literal to DNS, and forwarding headers are client input.
 */
public final class IpLiterals {

    private static final int MAX_LENGTH = 64;

    private IpLiterals() {}

    /**
     * The address's bytes: 4 for IPv4 (and for IPv4-mapped IPv6, so {@code ::ffff:10.0.0.1} is
     * {@code 10.0.0.1}), 16 for IPv6; empty for anything else, never an exception.
     */
    public static Optional<byte[]> parse(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String s = text.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.indexOf(':') < 0) {
            return ipv4(s);
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        return ipv6(s).map(IpLiterals::unmapped);
    }

    /**
     * The network a client address is rate-limited as: an IPv4 address itself, an IPv6 address's
     * /64 (one subscriber's usual allocation, so rotating addresses inside it does not give a
     * client more buckets); anything that is not an address, unchanged.
     */
    public static String rateLimitNetwork(String address) {
        Optional<byte[]> bytes = parse(address);
        if (bytes.isEmpty()) {
            return address;
        }
        byte[] a = bytes.get();
        if (a.length == 4) {
            return format(a);
        }
        byte[] prefix = java.util.Arrays.copyOf(a, 16);
        java.util.Arrays.fill(prefix, 8, 16, (byte) 0);
        return format(prefix) + "/64";
    }

    /** The usual text of an address's bytes ({@code 10.0.0.1}, {@code 2001:db8:0:0:0:0:0:1}). */
    public static String format(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(
                    "not an IP address: " + address.length + " bytes", e);
        }
    }

    static Optional<byte[]> ipv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            boolean leadingZero = p.length() > 1 && p.charAt(0) == '0'; // octal in some parsers
            if (p.isEmpty() || p.length() > 3 || leadingZero || !digits(p)) {
                return Optional.empty();
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return Optional.empty();
            }
            out[i] = (byte) v;
        }
        return Optional.of(out);
    }

    static Optional<byte[]> ipv6(String s) {
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return Optional.empty();
        }
        List<Integer> head = words(gap >= 0 ? s.substring(0, gap) : s, gap < 0);
        List<Integer> tail = gap >= 0 ? words(s.substring(gap + 2), true) : List.of();
        if (head == null || tail == null) {
            return Optional.empty();
        }
        int given = head.size() + tail.size();
        if (gap >= 0 ? given > 7 : given != 8) {
            return Optional.empty();
        }
        byte[] out = new byte[16];
        for (int i = 0; i < head.size(); i++) {
            put(out, i, head.get(i));
        }
        for (int i = 0; i < tail.size(); i++) {
            put(out, 8 - tail.size() + i, tail.get(i));
        }
        return Optional.of(out);
    }

    /** 16-bit words of colon-separated hex groups; the last may be an IPv4 tail; null if bad. */
    private static List<Integer> words(String part, boolean ipv4Tail) {
        List<Integer> out = new ArrayList<>();
        if (part.isEmpty()) {
            return out;
        }
        String[] groups = part.split(":", -1);
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (ipv4Tail && i == groups.length - 1 && g.indexOf('.') >= 0) {
                Optional<byte[]> v4 = ipv4(g);
                if (v4.isEmpty()) {
                    return null;
                }
                byte[] b = v4.get();
                out.add((b[0] & 0xff) << 8 | (b[1] & 0xff));
                out.add((b[2] & 0xff) << 8 | (b[3] & 0xff));
            } else if (g.isEmpty() || g.length() > 4 || !hex(g)) {
                return null;
            } else {
                out.add(Integer.parseInt(g, 16));
            }
        }
        return out;
    }

    private static void put(byte[] out, int word, int value) {
        out[2 * word] = (byte) (value >>> 8);
        out[2 * word + 1] = (byte) value;
    }

    private static byte[] unmapped(byte[] v6) {
        for (int i = 0; i < 10; i++) {
            if (v6[i] != 0) {
                return v6;
            }
        }
        if (v6[10] != (byte) 0xff || v6[11] != (byte) 0xff) {
            return v6;
        }
        return new byte[] {v6[12], v6[13], v6[14], v6[15]};
    }

    private static boolean digits(String s) {
        return s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean hex(String s) {
        return s.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128);
    }
}
