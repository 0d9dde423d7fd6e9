package dev.candleflow.query.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IpLiteralsTest {

    @Test
    void anonymousClientsAreCountedPerIpv4AddressOrIpv6Slash64() {
        assertThat(IpLiterals.rateLimitNetwork("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(IpLiterals.rateLimitNetwork("::ffff:203.0.113.7"))
                .as("IPv4-mapped is IPv4")
                .isEqualTo("203.0.113.7");
        String a = IpLiterals.rateLimitNetwork("2001:db8:1:2:aaaa::1");
        String b = IpLiterals.rateLimitNetwork("2001:db8:1:2:ffff:ffff:ffff:fffe");
        String other = IpLiterals.rateLimitNetwork("2001:db8:1:3::1");
        assertThat(a).as("one /64, one bucket").isEqualTo(b).endsWith("/64");
        assertThat(other).isNotEqualTo(a);
        assertThat(IpLiterals.rateLimitNetwork("not-an-address")).isEqualTo("not-an-address");
    }
}
