package dev.flotilla.common.outbound;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AddressGuardTest {

    private final AddressGuard publicOnly = AddressGuard.publicOnly();

    @ParameterizedTest
    @ValueSource(strings = { "127.0.0.1", "127.255.0.9", "::1", "0.0.0.0", "::", "10.0.0.1", "10.255.255.255",
            "172.16.0.1", "172.31.255.254", "192.168.1.1", "fc00::1", "fd12:3456::1", "169.254.169.254", "169.254.0.1",
            "fe80::1", "100.64.0.1", "100.127.255.254", "224.0.0.1", "239.255.255.250", "ff02::1",
            "255.255.255.255", "240.0.0.1", "192.0.2.10", "2001:db8::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1",
            "::ffff:169.254.169.254", "64:ff9b::10.0.0.1", "2002:a00:1::", "::10.0.0.1", "fec0::1" })
    void refusesTheMachinesOwnPrivateAndSpecialAddresses(String literal) throws UnknownHostException {
        InetAddress address = InetAddress.getByName(literal);
        assertFalse(publicOnly.permits(address), literal);
        assertNotNull(publicOnly.refusal(address));
    }

    @ParameterizedTest
    @ValueSource(strings = { "93.184.215.14", "8.8.8.8", "1.1.1.1", "172.32.0.1", "172.15.255.255", "100.128.0.1",
            "192.169.0.1", "169.255.0.1", "2606:4700:4700::1111", "2a00:1450:4001:82a::200e", "64:ff9b::808:808" })
    void permitsPublicAddresses(String literal) throws UnknownHostException {
        assertTrue(publicOnly.permits(InetAddress.getByName(literal)), literal);
    }

    @Test
    void anIpv4MappedIpv6AddressBuiltFromBytesIsJudgedByItsIpv4Address() throws UnknownHostException {
        byte[] mapped = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 169, (byte) 254, (byte) 169,
                (byte) 254 };
        InetAddress address = Inet6Address.getByAddress(null, mapped, -1);
        assertTrue(address instanceof Inet6Address);
        assertTrue(publicOnly.refusal(address).contains("metadata"), publicOnly.refusal(address));
    }

    @Test
    void theRefusalNamesTheAddressAndWhatItIs() throws UnknownHostException {
        assertEquals("169.254.169.254 is the cloud metadata address, outside the allowed networks []",
                publicOnly.refusal(InetAddress.getByName("169.254.169.254")));
        assertTrue(publicOnly.refusal(InetAddress.getByName("10.1.2.3")).contains("private"));
        assertTrue(publicOnly.refusal(InetAddress.getByName("127.0.0.1")).contains("loopback"));
    }

    @Test
    void anAllowedNetworkPermitsItsAddressesAndNoOthers() throws UnknownHostException {
        AddressGuard guard = AddressGuard.allowing(List.of("127.0.0.0/8", " 10.1.0.0/16 ", ""));
        assertTrue(guard.permits(InetAddress.getByName("127.0.0.1")));
        assertTrue(guard.permits(InetAddress.getByName("10.1.200.3")));
        assertFalse(guard.permits(InetAddress.getByName("10.2.0.1")));
        assertFalse(guard.permits(InetAddress.getByName("::1")));
        assertFalse(guard.permits(InetAddress.getByName("169.254.169.254")));
        assertNull(guard.refusal(InetAddress.getByName("::ffff:127.0.0.2")));
    }

    @Test
    void localhostIsRefusedUnlessLoopbackIsAllowed() throws UnknownHostException {
        for (InetAddress address : InetAddress.getAllByName("localhost")) {
            assertFalse(publicOnly.permits(address), address.toString());
        }
        AddressGuard loopback = AddressGuard.allowing(List.of("127.0.0.0/8", "::1/128"));
        for (InetAddress address : InetAddress.getAllByName("localhost")) {
            assertTrue(loopback.permits(address), address.toString());
        }
    }

    @Test
    void anAllowListEntryThatIsNotANetworkIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AddressGuard.allowing(List.of("127.0.0.0/8", "localhost")));
        assertTrue(e.getMessage().contains("'localhost'"), e.getMessage());
    }
}
