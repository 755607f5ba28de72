package org.aguavoz.staff;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.Startup;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.aguavoz.config.InvalidSettingException;

/**
 * The address a login comes from, as the throttle counts it: the connection's peer, or, when the peer is a trusted
 * proxy, the client that proxy names in X-Forwarded-For. An IPv6 client counts as its /64: one subscriber usually
 * holds a whole /64 and could otherwise send every guess from a fresh address.
 */
@ApplicationScoped
@Startup // a mistyped AGUAVOZ_TRUSTED_PROXIES stops the start instead of the first login
class ClientAddresses {

    static final String UNKNOWN = "unknown";

    private final List<AddressRange> trustedProxies;

    @Inject
    ClientAddresses(LoginConfig config) {
        this(config.trustedProxies().orElse(List.of()));
    }

    ClientAddresses(List<String> trustedProxies) {
        List<AddressRange> ranges = new ArrayList<>();
        for (String proxy : trustedProxies) {
            try {
                ranges.add(AddressRange.parse(proxy));
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException("AGUAVOZ_TRUSTED_PROXIES (aguavoz.trusted-proxies)",
                        "is wrong: " + e.getMessage() + "; list the proxies' addresses or CIDR ranges, comma-separated,"
                                + " e.g. 10.0.0.5,172.16.0.0/12 (host names are not looked up)");
            }
        }
        this.trustedProxies = List.copyOf(ranges);
    }

    String of(RoutingContext request) {
        if (request == null) {
            return UNKNOWN;
        }
        SocketAddress peer = request.request().remoteAddress();
        return resolve(peer == null ? null : peer.hostAddress(), request.request().headers().getAll("X-Forwarded-For"));
    }

    /** {@code forwardedFor}: the X-Forwarded-For headers in order; each proxy appends the address it saw. */
    String resolve(String peer, List<String> forwardedFor) {
        Optional<InetAddress> peerAddress = peer == null ? Optional.empty() : AddressRange.literal(peer);
        if (peerAddress.isEmpty()) {
            return UNKNOWN;
        }
        InetAddress client = peerAddress.get();
        if (trusted(client)) {
            List<String> hops = forwardedFor.stream().flatMap(header -> Arrays.stream(header.split(",")))
                    .map(String::strip).filter(hop -> !hop.isEmpty()).toList();
            for (int i = hops.size() - 1; i >= 0; i--) {
                Optional<InetAddress> hop = AddressRange.literal(withoutPort(hops.get(i)));
                if (hop.isEmpty()) {
                    break; // not an address: keep the last one a trusted proxy vouched for
                }
                client = hop.get();
                if (!trusted(client)) {
                    break;
                }
            }
        }
        return key(client);
    }

    private boolean trusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }

    /** {@code 203.0.113.7:41234} and {@code [2001:db8::1]:443} as some proxies write them. */
    private static String withoutPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end < 0 ? hop : hop.substring(1, end);
        }
        int colon = hop.indexOf(':');
        return colon > 0 && colon == hop.lastIndexOf(':') && hop.indexOf('.') >= 0 ? hop.substring(0, colon) : hop;
    }

    private static String key(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return address.getHostAddress();
        }
        Arrays.fill(bytes, 8, 16, (byte) 0);
        try {
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
