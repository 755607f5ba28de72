package org.aguavoz.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.aguavoz.config.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientAddressesTest {

    private final ClientAddresses behindProxies = new ClientAddresses(List.of("10.0.0.5", "172.16.0.0/12", "fd00::/8"));
    private final ClientAddresses noProxies = new ClientAddresses(List.of());

    @ParameterizedTest(name = "from {0} with X-Forwarded-For \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
        203.0.113.7    |                                   | 203.0.113.7
        203.0.113.7    | 198.51.100.1                      | 203.0.113.7
        10.0.0.5       |                                   | 10.0.0.5
        10.0.0.5       | 198.51.100.1                      | 198.51.100.1
        10.0.0.6       | 198.51.100.1                      | 10.0.0.6
        172.20.1.2     | 198.51.100.1                      | 198.51.100.1
        10.0.0.5       | 203.0.113.9, 198.51.100.1         | 198.51.100.1
        10.0.0.5       | 198.51.100.1, 172.16.0.9          | 198.51.100.1
        10.0.0.5       | 172.16.0.8, 172.16.0.9            | 172.16.0.8
        10.0.0.5       | 198.51.100.1:51234                | 198.51.100.1
        10.0.0.5       | [2001:db8:1:2::7]:443             | 2001:db8:1:2:0:0:0:0/64
        10.0.0.5       | evil.example.com                  | 10.0.0.5
        10.0.0.5       | 198.51.100.1, unknown, 172.16.0.9 | 172.16.0.9
        10.0.0.5       | 300.1.2.3                         | 10.0.0.5
        fd00::1        | 198.51.100.1                      | 198.51.100.1
        2001:db8:1:2::9 | 198.51.100.1                     | 2001:db8:1:2:0:0:0:0/64
        ::ffff:10.0.0.5 | 198.51.100.1                     | 198.51.100.1
        """)
    void theClientIsThePeerUnlessATrustedProxyNamesIt(String peer, String forwardedFor, String client) {
        List<String> headers = forwardedFor == null ? List.of() : List.of(forwardedFor);
        assertEquals(client, behindProxies.resolve(peer, headers));
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertEquals("127.0.0.1", noProxies.resolve("127.0.0.1", List.of("198.51.100.1")));
        assertEquals(ClientAddresses.UNKNOWN, noProxies.resolve(null, List.of()));
    }

    @Test
    void severalHeadersReadAsOneList() {
        assertEquals("198.51.100.2", behindProxies.resolve("10.0.0.5", List.of("198.51.100.1", "198.51.100.2")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "proxy.example.com", "10.0.0", "256.0.0.1", "fd00::/129", "10.0.0.1/x", ""})
    void aBadTrustedProxyStopsTheStart(String entry) {
        InvalidSettingException refused = assertThrows(InvalidSettingException.class,
                () -> new ClientAddresses(List.of(entry)));
        assertTrue(refused.getMessage().startsWith("AGUAVOZ_TRUSTED_PROXIES (aguavoz.trusted-proxies) is wrong: "),
                refused.getMessage());
    }

    @Test
    void rangesMatchOnTheirPrefixOnly() {
        AddressRange range = AddressRange.parse("192.168.4.0/22");
        assertEquals(List.of(true, true, false, false), Arrays.stream(new String[] {"192.168.4.1", "192.168.7.255",
                "192.168.8.0", "::ffff:c0a8:0801"}).map(a -> range.contains(AddressRange.literal(a).orElseThrow()))
                .toList());
        assertTrue(AddressRange.parse("0.0.0.0/0").contains(AddressRange.literal("8.8.8.8").orElseThrow()));
    }
}
