package dev.flotilla.common.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A network in CIDR notation ({@code 10.0.0.0/8}, {@code fc00::/7}), or a single address (a full-length prefix).
 * Parsed without any name resolution: only address literals are accepted.
 */
public final class Cidr {

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final byte[] network;
    private final int prefix;
    private final String text;

    private Cidr(byte[] network, int prefix, String text) {
        this.network = network;
        this.prefix = prefix;
        this.text = text;
    }

    /**
     * Parses {@code address/prefix} or a bare address.
     *
     * @throws IllegalArgumentException when {@code text} is neither
     */
    public static Cidr parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        byte[] bytes = literal(address, trimmed);
        int prefix = bytes.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(trimmed.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw invalid(trimmed);
            }
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw invalid(trimmed);
            }
        }
        return new Cidr(masked(bytes, prefix), prefix, trimmed);
    }

    /** Whether {@code address} lies in this network (an IPv4 network never holds an IPv6 address, nor the reverse). */
    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == network.length && Arrays.equals(masked(bytes, prefix), network);
    }

    @Override
    public String toString() {
        return text;
    }

    private static byte[] literal(String address, String whole) {
        boolean v4 = IPV4_LITERAL.matcher(address).matches();
        if (v4 ? !octets(address) : !IPV6_LITERAL.matcher(address).matches()) {
            throw invalid(whole);
        }
        try {
            // A literal never causes a lookup: getByName only parses it.
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (!v4 && bytes.length == 4) {
                // ::ffff:a.b.c.d is given back as IPv4; keep the family the network was written in.
                throw invalid(whole);
            }
            return bytes;
        } catch (UnknownHostException e) {
            throw invalid(whole);
        }
    }

    /** Whether every part of a dotted literal is an octet: otherwise the JDK would take it for a host name and look it up. */
    private static boolean octets(String address) {
        for (String part : address.split("\\.")) {
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static byte[] masked(byte[] bytes, int prefix) {
        byte[] result = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            int bits = Math.max(0, Math.min(8, prefix - i * 8));
            result[i] = (byte) (bytes[i] & (0xff << (8 - bits)));
        }
        return result;
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException(
                "'" + text + "' is not a network in CIDR notation (such as 10.0.0.0/8 or fc00::/7)");
    }
}
