package dev.candleflow.query.http;

import java.util.Arrays;

/**
 * One IP network in CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/32}) or one address
 * ({@code 192.0.2.7}, meaning {@code /32} or {@code /128}). Host bits after the prefix are ignored,
 * so {@code 10.1.2.3/8} is {@code 10.0.0.0/8}.
 */
public final class Cidr {

    private final byte[] network;
    private final int prefixLength;

    private Cidr(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /** Parses {@code address[/prefix]}; an {@link IllegalArgumentException} says what is wrong. */
    public static Cidr parse(String text) {
        String s = text.strip();
        int slash = s.indexOf('/');
        String address = slash < 0 ? s : s.substring(0, slash);
        byte[] bytes =
                IpLiterals.parse(address)
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "'"
                                                        + s
                                                        + "' is not an IP address or CIDR"
                                                        + " network"));
        int bits = bytes.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = s.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("'" + s + "' has no valid prefix length");
            }
            prefix = Integer.parseInt(p);
            if (prefix > bits) {
                throw new IllegalArgumentException(
                        "'" + s + "': the prefix length must be 0 to " + bits);
            }
        }
        return new Cidr(mask(bytes, prefix), prefix);
    }

    /** True for an address (4 or 16 bytes, as {@link IpLiterals#parse} gives) in this network. */
    public boolean contains(byte[] address) {
        return address.length == network.length
                && Arrays.equals(mask(address, prefixLength), network);
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - 8 * i));
            out[i] &= (byte) (0xff00 >>> keep);
        }
        return out;
    }

    @Override
    public String toString() {
        return IpLiterals.format(network) + "/" + prefixLength;
    }
}
