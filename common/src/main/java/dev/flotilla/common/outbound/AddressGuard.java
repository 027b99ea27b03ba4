package dev.flotilla.common.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Decides whether the service may call an address on behalf of a tenant (the SSRF guard of outbound webhooks and
 * checks). Addresses of the service's own machine, its private networks and the cloud's metadata service are refused:
 * loopback, unspecified, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 with the metadata
 * address 169.254.169.254, fe80::/10), shared (CGNAT, 100.64/10), multicast, broadcast and the reserved and
 * documentation ranges, also when an IPv6 address carries one of them inside (IPv4-mapped, IPv4-compatible, NAT64,
 * 6to4). An address inside one of the allowed networks is permitted whatever it is.
 * <p>
 * The guard judges addresses, never names: resolve the host first, judge each address, and connect to one that was
 * permitted (not to the name again, whose next resolution may differ).
 */
public final class AddressGuard {

    private record Range(Cidr network, String kind) {
    }

    private static final List<Range> REFUSED_V4 = List.of(
            range("0.0.0.0/8", "an unspecified ('this network') address"),
            range("10.0.0.0/8", "a private address"),
            range("100.64.0.0/10", "a shared (carrier-grade NAT) address"),
            range("127.0.0.0/8", "a loopback address"),
            range("169.254.169.254/32", "the cloud metadata address"),
            range("169.254.0.0/16", "a link-local address"),
            range("172.16.0.0/12", "a private address"),
            range("192.0.0.0/24", "a reserved address"),
            range("192.0.2.0/24", "a documentation address"),
            range("192.168.0.0/16", "a private address"),
            range("198.18.0.0/15", "a reserved (benchmarking) address"),
            range("198.51.100.0/24", "a documentation address"),
            range("203.0.113.0/24", "a documentation address"),
            range("224.0.0.0/4", "a multicast address"),
            range("240.0.0.0/4", "a reserved or broadcast address"));

    private static final List<Range> REFUSED_V6 = List.of(
            range("::/128", "an unspecified address"),
            range("::1/128", "a loopback address"),
            range("100::/64", "a discard address"),
            range("2001:db8::/32", "a documentation address"),
            range("fc00::/7", "a private (unique local) address"),
            range("fe80::/10", "a link-local address"),
            range("fec0::/10", "a private (site-local) address"),
            range("ff00::/8", "a multicast address"));

    private final List<Cidr> allowed;

    private AddressGuard(List<Cidr> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** A guard that permits public addresses only. */
    public static AddressGuard publicOnly() {
        return new AddressGuard(List.of());
    }

    /**
     * A guard that also permits the addresses of {@code networks} (CIDR texts; blank entries are ignored).
     *
     * @throws IllegalArgumentException naming the first entry that is not a network
     */
    public static AddressGuard allowing(Collection<String> networks) {
        List<Cidr> parsed = new ArrayList<>();
        for (String network : networks) {
            if (network != null && !network.isBlank()) {
                parsed.add(Cidr.parse(network));
            }
        }
        return new AddressGuard(parsed);
    }

    /** The networks permitted beyond the public ones. */
    public List<Cidr> allowed() {
        return allowed;
    }

    public boolean permits(InetAddress address) {
        return refusal(address) == null;
    }

    /** Why {@code address} may not be called ({@code "10.0.0.1 is a private address"}), or null when it may. */
    public String refusal(InetAddress address) {
        InetAddress embedded = embeddedIpv4(address);
        if (isAllowed(address) || embedded != null && isAllowed(embedded)) {
            return null;
        }
        String kind = kind(address);
        if (kind == null && embedded != null) {
            String inner = kind(embedded);
            kind = inner == null ? null : inner.replaceFirst("^an? ", "an IPv6 form of ");
        }
        return kind == null ? null
                : address.getHostAddress() + " is " + kind + ", outside the allowed networks " + allowed;
    }

    private boolean isAllowed(InetAddress address) {
        for (Cidr network : allowed) {
            if (network.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static String kind(InetAddress address) {
        for (Range range : address instanceof Inet4Address ? REFUSED_V4 : REFUSED_V6) {
            if (range.network().contains(address)) {
                return range.kind();
            }
        }
        return null;
    }

    /**
     * The IPv4 address an IPv6 address stands for, if it embeds one; null otherwise. (The JDK gives back IPv4-mapped
     * addresses it parses or resolves as IPv4 already; one built from raw bytes may still be IPv6.)
     */
    private static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return null;
        }
        byte[] bytes = address.getAddress();
        int offset = embeddedOffset(bytes);
        if (offset < 0) {
            return null;
        }
        byte[] v4 = new byte[] { bytes[offset], bytes[offset + 1], bytes[offset + 2], bytes[offset + 3] };
        try {
            return InetAddress.getByAddress(v4);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    /** Where in an IPv6 address's bytes an IPv4 address is embedded, or -1. */
    private static int embeddedOffset(byte[] bytes) {
        if (zeros(bytes, 0, 10) && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
            return 12; // ::ffff:a.b.c.d, IPv4-mapped
        }
        if (zeros(bytes, 0, 15) ? (bytes[15] & 0xff) > 1 : zeros(bytes, 0, 12)) {
            return 12; // ::a.b.c.d, IPv4-compatible (:: and ::1 are judged as IPv6)
        }
        if (bytes[0] == 0 && bytes[1] == 0x64 && (bytes[2] & 0xff) == 0xff && (bytes[3] & 0xff) == 0x9b
                && zeros(bytes, 4, 12)) {
            return 12; // 64:ff9b::a.b.c.d, NAT64
        }
        return bytes[0] == 0x20 && bytes[1] == 0x02 ? 2 : -1; // 2002:aabb:ccdd::, 6to4
    }

    private static boolean zeros(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static Range range(String network, String kind) {
        return new Range(Cidr.parse(network), kind);
    }
}
