package org.aguavoz.staff;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One address or a CIDR range ({@code 10.0.0.0/8}, {@code fd00::/8}), written as literals: never a DNS lookup. */
final class AddressRange {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final byte[] network;
    private final int prefixLength;

    private AddressRange(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    static AddressRange parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        InetAddress address = literal(slash < 0 ? trimmed : trimmed.substring(0, slash)).orElseThrow(() ->
                new IllegalArgumentException("\"" + text + "\" is not an IP address or CIDR range"));
        int bits = address.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = trimmed.substring(slash + 1);
            if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
                throw new IllegalArgumentException("\"" + text + "\" has a prefix length outside 0-" + bits);
            }
            prefix = Integer.parseInt(length);
        }
        return new AddressRange(address.getAddress(), prefix);
    }

    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int whole = prefixLength / 8;
        if (!Arrays.equals(bytes, 0, whole, network, 0, whole)) {
            return false;
        }
        int rest = prefixLength % 8;
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return rest == 0 || (bytes[whole] & mask) == (network[whole] & mask);
    }

    /**
     * An IPv4 or IPv6 literal, or empty. {@link InetAddress#getByName} would look any other text up in DNS, and a
     * client chooses what it writes in X-Forwarded-For.
     */
    static Optional<InetAddress> literal(String text) {
        try {
            Matcher v4 = IPV4.matcher(text);
            if (v4.matches()) {
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(v4.group(i + 1));
                    if (octet > 255) {
                        return Optional.empty();
                    }
                    bytes[i] = (byte) octet;
                }
                return Optional.of(InetAddress.getByAddress(bytes));
            }
            // With a colon, getByName parses an IPv6 literal or fails; it never asks DNS.
            return IPV6.matcher(text).matches() ? Optional.of(InetAddress.getByName(text)) : Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
