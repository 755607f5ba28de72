package org.aguavoz.staff;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.aguavoz.TestClients;
import org.aguavoz.TestClients.Reply;
import org.aguavoz.TestClock;
import org.aguavoz.TestStaff;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Wrong passwords slow down the client that sends them, never the account; over HTTP Basic, from real addresses. */
@QuarkusTest
class LoginThrottleTest {

    private static final String API = "/api/v1/agency";

    @Inject
    TestClock clock;

    @Inject
    AddStaffUser addStaffUser;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    void anAttackerHammeringTheAdminFromOneAddressNeverStopsTheAdminElsewhere() {
        String attacker = TestClients.freshAddress();
        assertEquals(401, TestClients.basic(attacker, API, "admin", "guess-0").status());
        // The attacker, even holding the right password now, is refused unchecked until its delay is over...
        Reply refused = TestClients.basic(attacker, API, "admin", TestStaff.ADMIN_PASSWORD);
        assertEquals(429, refused.status());
        assertTrue(Long.parseLong(refused.header("Retry-After")) >= 1);
        assertNull(refused.header("WWW-Authenticate"));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 1; i < 8; i++) {
            statuses.add(TestClients.basic(attacker, API, "admin", "guess-" + i).status());
        }
        assertTrue(statuses.stream().allMatch(s -> s == 401 || s == 429), statuses.toString());
        assertTrue(statuses.contains(429), "the attacker was never slowed down: " + statuses);
        // ...while the admin logs in at once from anywhere else.
        String elsewhere = TestClients.freshAddress();
        assertEquals(200, TestClients.basic(elsewhere, API, "admin", TestStaff.ADMIN_PASSWORD).status());
        TestStaff.asAdmin().get(API).then().statusCode(200);
    }

    @Test
    void delaysDoubleAndTheRightPasswordAfterTheDelayIsAcceptedAndForgivesTheAccount() {
        String username = newUser();
        String from = TestClients.freshAddress();
        for (int failure = 1; failure <= 3; failure++) {
            assertEquals(401, TestClients.basic(from, API, username, "wrong-" + failure).status());
            Counter account = counter(from, username);
            assertEquals(failure, account.failures());
            assertEquals(Duration.ofSeconds(1L << (failure - 1)), account.delay(), "delay after failure " + failure);
            Reply early = TestClients.basic(from, API, username, "right-password-1");
            assertEquals(429, early.status(), "a right password during the delay is refused unchecked");
            clock.advance(account.delay());
        }
        // The address's own counter lets a few failures pass before it slows down everyone there.
        Counter address = counter(from, "");
        assertEquals(3, address.failures());
        assertEquals(Duration.ZERO, address.delay());

        assertEquals(200, TestClients.basic(from, API, username, "right-password-1").status());
        assertNull(counterOrNull(from, username), "a right password forgives the account at that address");
        assertEquals(3, counter(from, "").failures(), "but not the address");
    }

    @Test
    void fiftyWrongPasswordsAtOnceLoseNoCount() throws Exception {
        String username = newUser();
        String from = TestClients.freshAddress();
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sockets.add(TestClients.connect(from)); // connected first, so that the requests leave together
        }
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String request = TestClients.get(API, username, "wrong-" + i);
                Socket socket = sockets.get(i);
                replies.add(pool.submit(() -> {
                    go.await();
                    return TestClients.send(socket, request);
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                statuses.add(reply.get().status());
            }
            // Requests that arrive while the first failures are being counted are refused unchecked (429); every
            // one that was checked and failed is counted: no update is lost, however many arrive at once.
            assertEquals(50, statuses.stream().filter(s -> s == 401 || s == 429).count(), statuses.toString());
            long checked = statuses.stream().filter(s -> s == 401).count();
            assertTrue(checked >= 1, statuses.toString());
            assertEquals(checked, counter(from, username).failures());
            assertEquals(checked, counter(from, "").failures());
        } finally {
            pool.shutdownNow();
        }
        assertTrue(counter(from, username).delay().compareTo(Duration.ofSeconds(1)) >= 0, "a delay follows");
    }

    @Test
    void xForwardedForNamesTheClientOnlyWhenATrustedProxySendsIt() {
        String username = newUser();
        String stranger = TestClients.freshAddress();
        assertEquals(401, TestClients.basic(stranger, API, username, "wrong-1", "X-Forwarded-For: 198.51.100.23")
                .status());
        assertEquals(1, counter(stranger, username).failures());
        assertNull(counterOrNull("198.51.100.23", username), "anyone may write X-Forwarded-For");

        String proxy = "127.254.0.1"; // a trusted proxy in the test profile
        assertEquals(401, TestClients.basic(proxy, API, username, "wrong-2",
                "X-Forwarded-For: 203.0.113.50, 198.51.100.24").status());
        assertEquals(1, counter("198.51.100.24", username).failures());
        assertNull(counterOrNull(proxy, username), "the proxy itself is not the client");
        assertNull(counterOrNull("203.0.113.50", username), "the client's own claim is not believed");
        // Another client behind the same proxy is not slowed down by the first one's failure.
        assertEquals(200, TestClients.basic(proxy, API, username, "right-password-1",
                "X-Forwarded-For: 198.51.100.25").status());
    }

    @Test
    void everyFailureIsLoggedWithAccountAndAddressAndCounted() {
        String username = newUser();
        String from = TestClients.freshAddress();
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(((ExtLogRecord) record).getFormattedMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(StaffIdentityProvider.class.getName());
        double before = metric("aguavoz_login_failures_total{reason=\"wrong_credentials\"}");
        logger.addHandler(capture);
        try {
            assertEquals(401, TestClients.basic(from, API, username, "secret-guess-77").status());
        } finally {
            logger.removeHandler(capture);
        }
        String line = lines.stream().filter(l -> l.contains(username)).findFirst().orElse(null);
        assertNotNull(line, "no log line for the failure: " + lines);
        assertTrue(line.contains(from), line);
        assertFalse(line.contains("secret-guess-77"), "the password was logged: " + line);
        assertTrue(metric("aguavoz_login_failures_total{reason=\"wrong_credentials\"}") >= before + 1);
    }

    private String newUser() {
        String username = "thr-" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew()
                .run(() -> addStaffUser.add(username, "Lenta", StaffRole.STAFF, "right-password-1"));
        return username;
    }

    record Counter(int failures, Instant lastFailureAt, Instant blockedUntil) {

        Duration delay() {
            return Duration.between(lastFailureAt, blockedUntil);
        }
    }

    private Counter counter(String client, String username) {
        Counter counter = counterOrNull(client, username);
        assertNotNull(counter, "no counter for " + client + " " + username);
        return counter;
    }

    private Counter counterOrNull(String client, String username) {
        try (var connection = dataSource.getConnection(); var statement = connection.prepareStatement("""
                select failures, last_failure_at, blocked_until from login_throttle
                where client_address = ? and username = ?""")) {
            statement.setString(1, client);
            statement.setString(2, username);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? new Counter(rows.getInt(1), rows.getTimestamp(2).toInstant(),
                        rows.getTimestamp(3).toInstant()) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double metric(String series) {
        return org.aguavoz.Management.given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).strip()))
                .findFirst().orElse(0);
    }
}
