package dev.flotilla.common.outbound;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CidrTest {

    @Test
    void aNetworkHoldsTheAddressesUnderItsPrefix() throws UnknownHostException {
        Cidr network = Cidr.parse("172.16.0.0/12");
        assertTrue(network.contains(InetAddress.getByName("172.16.0.0")));
        assertTrue(network.contains(InetAddress.getByName("172.31.255.255")));
        assertFalse(network.contains(InetAddress.getByName("172.32.0.0")));
        assertFalse(network.contains(InetAddress.getByName("172.15.255.255")));
    }

    @Test
    void hostBitsOfTheWrittenAddressDoNotMatter() throws UnknownHostException {
        assertTrue(Cidr.parse("10.9.8.7/8").contains(InetAddress.getByName("10.0.0.1")));
    }

    @Test
    void aBareAddressIsANetworkOfOne() throws UnknownHostException {
        Cidr one = Cidr.parse("192.0.2.7");
        assertTrue(one.contains(InetAddress.getByName("192.0.2.7")));
        assertFalse(one.contains(InetAddress.getByName("192.0.2.8")));
    }

    @Test
    void ipv6NetworksAreMatchedWithinTheirFamilyOnly() throws UnknownHostException {
        Cidr ula = Cidr.parse("fc00::/7");
        assertTrue(ula.contains(InetAddress.getByName("fdff:ffff::1")));
        assertFalse(ula.contains(InetAddress.getByName("fe00::1")));
        assertFalse(Cidr.parse("0.0.0.0/0").contains(InetAddress.getByName("::2")));
        assertTrue(Cidr.parse("0.0.0.0/0").contains(InetAddress.getByName("203.0.113.9")));
    }

    @Test
    void itReadsAsItWasWritten() {
        assertEquals("10.0.0.0/8", Cidr.parse(" 10.0.0.0/8 ").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/x", "10.0.0.256/8", "example.com/8", "fc00::/129",
            "10.0.0/8", "::ffff:10.0.0.0/104" })
    void somethingElseIsNotANetwork(String text) {
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse(text));
    }
}
