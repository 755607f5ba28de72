package org.aguavoz;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.RestAssured;

/**
 * HTTP from loopback addresses other than 127.0.0.1 (Linux answers on all of 127.0.0.0/8), by hand over a socket,
 * because RestAssured cannot choose its source address. Wrong passwords slow down the address that sends them, so a
 * test that fails a login on purpose does it from {@link #freshAddress()}: never from 127.0.0.1, where every other
 * test logs in.
 */
public final class TestClients {

    private static final AtomicInteger LAST = new AtomicInteger();

    private TestClients() {
    }

    /** A loopback address no other test of this run uses: 127.1.x.y. */
    public static String freshAddress() {
        int n = LAST.getAndIncrement();
        return "127.1." + (n / 250) + "." + (1 + n % 250);
    }

    /** An answer: status, headers (names in lower case) and the body as sent (not unchunked). */
    public record Reply(int status, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        public boolean setsCookie(String name) {
            return headers.getOrDefault("set-cookie", List.of()).stream()
                    .anyMatch(cookie -> cookie.startsWith(name + "=") && !cookie.startsWith(name + "=;"));
        }
    }

    public static Reply basic(String from, String path, String username, String password, String... headerLines) {
        return send(connect(from), get(path, username, password, headerLines));
    }

    /** A GET with HTTP Basic, as raw request text. */
    public static String get(String path, String username, String password, String... headerLines) {
        byte[] credentials = (username + ":" + password).getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n")
                .append("Authorization: Basic ").append(Base64.getEncoder().encodeToString(credentials)).append("\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        return request.append("Connection: close\r\n\r\n").toString();
    }

    /** The dashboard's login form, posted as a browser would: with the form's CSRF token in its field and cookie. */
    public static Reply formLogin(String from, String username, String password) {
        String csrf = "c".repeat(43);
        String body = "csrf=" + csrf + "&j_username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&j_password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return send(connect(from), "POST /j_security_check HTTP/1.1\r\nHost: localhost\r\n"
                + "Cookie: aguavoz-csrf=" + csrf + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + bytes.length + "\r\n"
                + "Connection: close\r\n\r\n" + body);
    }

    /** A connection from {@code from} to the app under test, to send on later (tests that fire together). */
    public static Socket connect(String from) {
        try {
            Socket socket = new Socket();
            socket.setSoTimeout(60_000);
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), RestAssured.port), 10_000);
            return socket;
        } catch (IOException e) {
            throw new IllegalStateException("cannot connect from " + from, e);
        }
    }

    /** Sends one request ({@code Connection: close}) and reads the answer to its end. */
    public static Reply send(Socket socket, String request) {
        try (socket) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = raw.indexOf("\r\n\r\n");
            String head = end < 0 ? raw : raw.substring(0, end);
            String[] lines = head.split("\r\n");
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
                    headers.computeIfAbsent(name, k -> new ArrayList<>()).add(lines[i].substring(colon + 1).strip());
                }
            }
            return new Reply(Integer.parseInt(lines[0].split(" ")[1]), headers, end < 0 ? "" : raw.substring(end + 4));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
