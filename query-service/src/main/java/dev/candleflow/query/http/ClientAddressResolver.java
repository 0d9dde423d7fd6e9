package dev.candleflow.query.http;

import java.util.List;
import java.util.Optional;

/**
 * The client address a request is counted against (anonymous rate limits, failed-key limits).
 * Normally the TCP peer's. Only when the peer is one of {@code http.trusted-proxies} is the
 * forwarding header the proxy writes read: the client is its right-most address that is not itself
 * a trusted proxy (every address to its left was written by that client and may be forged). A
 * client that is not a trusted proxy cannot choose its address by sending the header, and a header
 * that cannot be read gives the peer's address, never an error.
 *
 * <pre>{@code
 * var resolver = new ClientAddressResolver(
 *         List.of(Cidr.parse("10.0.0.0/8")), ClientAddressResolver.Header.X_FORWARDED_FOR);
 * resolver.resolve("10.0.0.5", List.of("198.51.100.7, 203.0.113.9")); // "203.0.113.9"
 * resolver.resolve("192.0.2.1", List.of("203.0.113.9"));              // "192.0.2.1"
 * }</pre>
 */
public final class ClientAddressResolver {

    /** The forwarding header the trusted proxies write; the other one is ignored. */
    public enum Header {
        X_FORWARDED_FOR("X-Forwarded-For"),
        FORWARDED("Forwarded");

        private final String headerName;

        Header(String headerName) {
            this.headerName = headerName;
        }

        public String headerName() {
            return headerName;
        }

        public static Header fromName(String text) {
            for (Header h : values()) {
                if (h.headerName.equalsIgnoreCase(text.strip())) {
                    return h;
                }
            }
            throw new IllegalArgumentException("expected X-Forwarded-For or Forwarded");
        }

        @Override
        public String toString() {
            return headerName;
        }
    }

    private final List<Cidr> trustedProxies;
    private final Header header;

    public ClientAddressResolver(List<Cidr> trustedProxies, Header header) {
        this.trustedProxies = List.copyOf(trustedProxies);
        this.header = header;
    }

    /** The resolver that always answers the peer's address (no trusted proxies). */
    public static ClientAddressResolver direct() {
        return new ClientAddressResolver(List.of(), Header.X_FORWARDED_FOR);
    }

    public Header header() {
        return header;
    }

    /**
     * The client address of a request from {@code peer} (as Jetty reports it, IPv6 possibly in
     * brackets) carrying {@code headerLines} of {@link #header()}.
     */
    public String resolve(String peer, List<String> headerLines) {
        Optional<byte[]> peerAddress = IpLiterals.parse(peer);
        if (peerAddress.isEmpty()) {
            return peer; // not an IP peer (a Unix socket, a test connector): nothing to trust
        }
        String direct = IpLiterals.format(peerAddress.get());
        if (!trusted(peerAddress.get()) || headerLines.isEmpty()) {
            return direct;
        }
        Optional<List<String>> hops =
                header == Header.FORWARDED
                        ? ForwardedHops.forwardedFor(headerLines)
                        : Optional.of(ForwardedHops.xForwardedFor(headerLines));
        if (hops.isEmpty() || hops.get().isEmpty()) {
            return direct;
        }
        byte[] farthest = null;
        for (int i = hops.get().size() - 1; i >= 0; i--) {
            Optional<byte[]> hop = ForwardedHops.address(hops.get().get(i));
            if (hop.isEmpty()) {
                return direct; // unreadable before any untrusted hop: the proxy's own address
            }
            if (!trusted(hop.get())) {
                return IpLiterals.format(hop.get());
            }
            farthest = hop.get();
        }
        return IpLiterals.format(farthest); // every hop is a trusted proxy: the first of them
    }

    /** True when requests from this address may say who they forward for. */
    public boolean trusted(byte[] address) {
        for (Cidr c : trustedProxies) {
            if (c.contains(address)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return trustedProxies.isEmpty()
                ? "no trusted proxies"
                : "trusted proxies " + trustedProxies + " via " + header.headerName;
    }
}
