package dev.candleflow.query.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candleflow.query.http.ClientAddressResolver.Header;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which address a request is counted against: the peer's unless the peer is a trusted proxy, then
 * the right-most untrusted hop of the header that proxy writes; never an exception on bad input.
 */
class ClientAddressResolverTest {

    static final ClientAddressResolver XFF =
            new ClientAddressResolver(
                    List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("2001:db8:ffff::/48")),
                    Header.X_FORWARDED_FOR);
    static final ClientAddressResolver FORWARDED =
            new ClientAddressResolver(List.of(Cidr.parse("10.0.0.0/8")), Header.FORWARDED);

    static String xff(String peer, String... lines) {
        return XFF.resolve(peer, List.of(lines));
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItSends() {
        assertThat(xff("192.0.2.1", "198.51.100.7")).isEqualTo("192.0.2.1");
        assertThat(xff("192.0.2.1", "10.0.0.1, 198.51.100.7")).isEqualTo("192.0.2.1");
        assertThat(FORWARDED.resolve("192.0.2.1", List.of("for=198.51.100.7")))
                .isEqualTo("192.0.2.1");
        assertThat(ClientAddressResolver.direct().resolve("10.0.0.5", List.of("198.51.100.7")))
                .isEqualTo("10.0.0.5");
        assertThat(xff("[::1]", "198.51.100.7")).isEqualTo("0:0:0:0:0:0:0:1");
    }

    @Test
    void aTrustedPeerNamesTheRightMostUntrustedHop() {
        assertThat(xff("10.0.0.5", "198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(xff("10.0.0.5")).isEqualTo("10.0.0.5");
        // the client forged the left part; the proxies appended the rest
        assertThat(xff("10.0.0.5", "1.1.1.1, 198.51.100.7, 10.1.2.3")).isEqualTo("198.51.100.7");
        assertThat(xff("10.0.0.5", "1.1.1.1, 198.51.100.7", "10.1.2.3"))
                .as("several header lines are one list")
                .isEqualTo("198.51.100.7");
        assertThat(xff("10.0.0.5", "10.9.9.9, 10.1.2.3"))
                .as("every hop trusted: the farthest one")
                .isEqualTo("10.9.9.9");
        assertThat(xff("10.0.0.5", "198.51.100.7:51234")).isEqualTo("198.51.100.7");
    }

    @Test
    void ipv6PeersAndHops() {
        assertThat(xff("[2001:db8:ffff::1]", "2001:db8:1::7")).isEqualTo("2001:db8:1:0:0:0:0:7");
        assertThat(xff("10.0.0.5", "[2001:db8:1::7]:443")).isEqualTo("2001:db8:1:0:0:0:0:7");
        assertThat(xff("10.0.0.5", "2001:db8:1::7, 2001:db8:ffff::9"))
                .isEqualTo("2001:db8:1:0:0:0:0:7");
        assertThat(xff("::ffff:10.0.0.5", "198.51.100.7"))
                .as("an IPv4-mapped peer is its IPv4 address")
                .isEqualTo("198.51.100.7");
        assertThat(xff("fe80::1%eth0", "198.51.100.7")).isEqualTo("fe80:0:0:0:0:0:0:1");
    }

    @Test
    void malformedHopsFallBackToThePeer() {
        for (String garbage :
                List.of(
                        "",
                        " , ",
                        "unknown",
                        "example.com",
                        "198.51.100.999",
                        "198.51.100",
                        "01.2.3.4",
                        "1.2.3.4:port",
                        "[2001:db8::1",
                        "2001:db8:::1",
                        "1:2:3:4:5:6:7:8:9",
                        "::ffff:1.2.3",
                        "'; DROP TABLE x; --",
                        "\u0000",
                        "x".repeat(5000))) {
            assertThat(xff("10.0.0.5", garbage)).as("%s", garbage).isEqualTo("10.0.0.5");
            assertThat(xff("10.0.0.5", "198.51.100.7, " + garbage))
                    .as("garbage nearest: %s", garbage)
                    .isEqualTo("10.0.0.5");
        }
        assertThat(xff("10.0.0.5", "garbage, 198.51.100.7"))
                .as("what the client wrote left of its address does not matter")
                .isEqualTo("198.51.100.7");
        assertThat(XFF.resolve("not-an-ip", List.of("198.51.100.7"))).isEqualTo("not-an-ip");
    }

    @Test
    void rfc7239ForwardedWhenThatIsTheHeaderTheProxiesWrite() {
        assertThat(FORWARDED.resolve("10.0.0.5", List.of("for=198.51.100.7;proto=https")))
                .isEqualTo("198.51.100.7");
        assertThat(
                        FORWARDED.resolve(
                                "10.0.0.5",
                                List.of(
                                        "for=1.1.1.1, For=\"[2001:db8:cafe::17]:4711\";by=10.0.0.5",
                                        "for=10.3.3.3")))
                .isEqualTo("2001:db8:cafe:0:0:0:0:17");
        assertThat(FORWARDED.resolve("10.0.0.5", List.of("by=10.0.0.5;proto=http")))
                .as("no for=")
                .isEqualTo("10.0.0.5");
        assertThat(FORWARDED.resolve("10.0.0.5", List.of("for=unknown"))).isEqualTo("10.0.0.5");
        assertThat(FORWARDED.resolve("10.0.0.5", List.of("for=_hidden"))).isEqualTo("10.0.0.5");
        assertThat(FORWARDED.resolve("10.0.0.5", List.of("for=\"198.51.100.7")))
                .as("unterminated quote")
                .isEqualTo("10.0.0.5");
        assertThat(FORWARDED.resolve("10.0.0.5", List.of("for=\"a,b\", for=198.51.100.7")))
                .isEqualTo("198.51.100.7");
        assertThat(FORWARDED.resolve("10.0.0.5", List.of("for=198.51.100.7", "garbage;;==,,\"")))
                .isEqualTo("10.0.0.5");
    }

    @Test
    void theOtherHeaderIsIgnored() {
        // the resolver is only ever given its own header's lines (ApiHandler reads header())
        assertThat(XFF.header().headerName()).isEqualTo("X-Forwarded-For");
        assertThat(FORWARDED.header().headerName()).isEqualTo("Forwarded");
        assertThat(Header.fromName("forwarded")).isEqualTo(Header.FORWARDED);
        assertThatThrownBy(() -> Header.fromName("X-Real-IP"))
                .hasMessageContaining("X-Forwarded-For or Forwarded");
    }

    @Test
    void literalsAreParsedStrictlyWithoutDns() {
        assertThat(IpLiterals.parse("192.0.2.1")).map(IpLiterals::format).hasValue("192.0.2.1");
        assertThat(IpLiterals.parse("::")).map(b -> b.length).hasValue(16);
        assertThat(IpLiterals.parse("::1")).map(IpLiterals::format).hasValue("0:0:0:0:0:0:0:1");
        assertThat(IpLiterals.parse("1::")).map(IpLiterals::format).hasValue("1:0:0:0:0:0:0:0");
        assertThat(IpLiterals.parse("1:2:3:4:5:6:7:8")).isPresent();
        assertThat(IpLiterals.parse("64:ff9b::192.0.2.33"))
                .map(IpLiterals::format)
                .hasValue("64:ff9b:0:0:0:0:c000:221");
        for (String bad :
                List.of(
                        "localhost",
                        "1.2.3.4.5",
                        "256.1.1.1",
                        "1.2.3.-4",
                        ":1",
                        "1:",
                        "1:2:3:4:5:6:7:8::",
                        "1::2::3",
                        "12345::1",
                        "g::1",
                        "1.2.3.4::",
                        "::1.2.3.4:5",
                        "１.２.３.４")) {
            assertThat(IpLiterals.parse(bad)).as("%s", bad).isEqualTo(Optional.empty());
        }
    }

    @Test
    void cidrNetworks() {
        Cidr v4 = Cidr.parse("10.1.2.3/8");
        assertThat(v4).hasToString("10.0.0.0/8");
        assertThat(v4.contains(IpLiterals.parse("10.255.0.1").orElseThrow())).isTrue();
        assertThat(v4.contains(IpLiterals.parse("11.0.0.1").orElseThrow())).isFalse();
        assertThat(v4.contains(IpLiterals.parse("::a00:1").orElseThrow())).isFalse();
        Cidr odd = Cidr.parse("192.168.1.128/25");
        assertThat(odd.contains(IpLiterals.parse("192.168.1.200").orElseThrow())).isTrue();
        assertThat(odd.contains(IpLiterals.parse("192.168.1.127").orElseThrow())).isFalse();
        Cidr one = Cidr.parse(" 192.0.2.7 ");
        assertThat(one).hasToString("192.0.2.7/32");
        assertThat(one.contains(IpLiterals.parse("192.0.2.8").orElseThrow())).isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").contains(IpLiterals.parse("8.8.8.8").orElseThrow()))
                .isTrue();
        Cidr v6 = Cidr.parse("2001:db8::/32");
        assertThat(v6.contains(IpLiterals.parse("2001:db8:1::1").orElseThrow())).isTrue();
        assertThat(v6.contains(IpLiterals.parse("2001:db9::1").orElseThrow())).isFalse();
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).hasMessageContaining("0 to 32");
        assertThatThrownBy(() -> Cidr.parse("proxy.internal")).hasMessageContaining("not an IP");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/")).hasMessageContaining("prefix");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/-1")).hasMessageContaining("prefix");
    }
}
