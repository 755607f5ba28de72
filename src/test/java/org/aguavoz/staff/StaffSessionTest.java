package org.aguavoz.staff;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.SmallRyeConfig;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.aguavoz.TestStaff;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Sessions that cannot be forged, end for good at logout, and a key that is kept but never shown. */
@QuarkusTest
class StaffSessionTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    @Inject
    AddStaffUser addStaffUser;

    @Inject
    DataSource dataSource;

    @Inject
    SessionConfig sessionConfig;

    @Test
    void aCookieMadeWithAnyKeyButTheStoredOneIsRefused() {
        SessionCookie admin = new SessionCookie("admin", Instant.now().plus(TIMEOUT));
        // The format is right: made with the stored key, the same cookie is a session.
        given().cookie("aguavoz-session", admin.encrypt(storedKey())).get("/settings").then().statusCode(200);

        for (String key : List.of(SessionKeySource.newKey(), "demo-only-session-key-0123456789abcdef",
                "test-only-session-key-0123456789abcdef")) {
            given().redirects().follow(false).cookie("aguavoz-session", admin.encrypt(key)).get("/settings")
                    .then().statusCode(302).header("Location", endsWith("/login"));
        }
    }

    @Test
    void aCookieKeptFromBeforeTheLogoutIsRefusedAfterIt() throws InterruptedException {
        String username = newStaffUser();
        String session = TestStaff.logIn(username, TestStaff.PASSWORD);
        Response page = given().cookie("aguavoz-session", session).get("/");
        page.then().statusCode(200);
        String csrf = page.getCookie("aguavoz-csrf");
        assertTrue(page.asString().contains("action=\"/logout\""), "the dashboard shows a logout button");

        // Neither a link nor a form without its token logs anyone out.
        given().redirects().follow(false).cookie("aguavoz-session", session).get("/logout").then().statusCode(303);
        given().redirects().follow(false).cookie("aguavoz-session", session).cookie("aguavoz-csrf", csrf)
                .post("/logout").then().statusCode(403);
        given().cookie("aguavoz-session", session).get("/").then().statusCode(200);

        Response logout = given().redirects().follow(false).cookie("aguavoz-session", session)
                .cookie("aguavoz-csrf", csrf).formParam("csrf", csrf).post("/logout");
        logout.then().statusCode(303).header("Location", "/login");
        assertEquals("", logout.getCookie("aguavoz-session"), "the browser's cookie is removed");

        given().redirects().follow(false).cookie("aguavoz-session", session).get("/")
                .then().statusCode(302).header("Location", endsWith("/login"));
        TestStaff.asAdmin().get("/api/v1/agency").then().statusCode(200); // only that user's sessions ended
        // Another browser of the same user is told to forget its cookie, not sent round to the login page forever.
        Response stale = given().redirects().follow(false).cookie("aguavoz-session", session).get("/login");
        assertEquals("", stale.getCookie("aguavoz-session"));

        Thread.sleep(5); // a login in the same millisecond as the logout counts as before it
        String again = TestStaff.logIn(username, TestStaff.PASSWORD);
        given().cookie("aguavoz-session", again).get("/").then().statusCode(200);
        given().redirects().follow(false).cookie("aguavoz-session", session).get("/").then().statusCode(302);
    }

    @Test
    void theGeneratedKeyIsKeptOwnerOnlyAndInTheDatabaseAndNeverLogged() throws IOException, SQLException {
        SmallRyeConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
        ConfigValue key = config.getConfigValue(SessionKeySource.KEY_PROPERTY);
        assertEquals(SessionKeySource.NAME, key.getSourceName(), "no profile configures a fixed key");
        assertTrue(key.getValue().length() >= 43, "32 random bytes");

        Path file = Path.of(sessionConfig.keyFile());
        assertEquals(key.getValue(), Files.readString(file, StandardCharsets.US_ASCII).strip());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        // Stored for the next start and the other instances, which then read it before Flyway runs.
        SessionKeySource.Database database;
        try (Connection connection = dataSource.getConnection()) { // the embedded server's address is known only now
            database = new SessionKeySource.Database(connection.getMetaData().getURL(),
                    connection.getMetaData().getUserName(),
                    config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null));
        }
        assertEquals(new SessionKeySource.StoredKey(key.getValue(), SessionKeySource.Origin.FILE),
                SessionKeySource.inUse(config).orElseThrow(), "the embedded database is never read this early");
        assertEquals(key.getValue(), database.read().orElseThrow());
        SessionKeySource.StoredKey next = SessionKeySource.load(file.resolveSibling("unused.key"), database);
        assertEquals(new SessionKeySource.StoredKey(key.getValue(), SessionKeySource.Origin.TABLE), next);
        assertFalse(Files.exists(file.resolveSibling("unused.key")), "with the database readable, no file is made");

        Path log = Path.of("target/quarkus-test.log");
        assertTrue(Files.exists(log), "the test profile logs to " + log);
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            assertFalse(line.contains(key.getValue()), "a log line holds the session key");
            assertFalse(line.contains("temporary key"), "Quarkus made and logged a key of its own: " + line);
        }
    }

    /**
     * Two first starts at once on an empty external database each make a key; the first to store it wins. The other
     * one must not go on with its own key (its cookies would fail on every other instance): a restart reads the
     * stored key, so it stops. Only the embedded database's file key, which every start of that one instance reads,
     * takes the table's place. Run in a transaction that is rolled back: the stored key of this app stays.
     */
    @Test
    void aKeyThatLostTheRaceToBeStoredStopsTheStart() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                execute(connection, "delete from app_secret");
                String first = SessionKeySource.newKey();
                PublishSessionKey.store(connection, new SessionKeySource.StoredKey(first, SessionKeySource.Origin.NEW),
                        "data/session.key");
                assertTrue(first.equals(storedKey(connection)), "an empty table stores the new key");

                for (SessionKeySource.Origin origin : List.of(SessionKeySource.Origin.NEW,
                        SessionKeySource.Origin.FILE_DATABASE_DOWN, SessionKeySource.Origin.TABLE)) {
                    SessionKeySource.StoredKey late = new SessionKeySource.StoredKey(SessionKeySource.newKey(), origin);
                    ConfigurationException stop = assertThrows(ConfigurationException.class,
                            () -> PublishSessionKey.store(connection, late, "data/session.key"), origin.name());
                    assertEquals(PublishSessionKey.ANOTHER_INSTANCE_WAS_FIRST, stop.getMessage());
                    assertTrue(first.equals(storedKey(connection)), "the first key stays stored after " + origin);
                }
                PublishSessionKey.store(connection,
                        new SessionKeySource.StoredKey(first, SessionKeySource.Origin.TABLE), "data/session.key");
                assertTrue(first.equals(storedKey(connection)), "the stored key read back is no conflict");

                String file = SessionKeySource.newKey();
                PublishSessionKey.store(connection, new SessionKeySource.StoredKey(file, SessionKeySource.Origin.FILE),
                        "data/session.key");
                assertTrue(file.equals(storedKey(connection)), "the embedded database's table follows its key file");
            } finally {
                connection.rollback();
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String storedKey(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select value from app_secret where name = '"
                        + SessionKeySource.SECRET_NAME + "'")) {
            assertTrue(row.next(), "no key is stored");
            String key = row.getString(1);
            assertFalse(row.next());
            return key;
        }
    }

    private String newStaffUser() {
        String username = "leaving-" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(
                () -> addStaffUser.add(username, "Se va", StaffRole.STAFF, TestStaff.PASSWORD));
        return username;
    }

    private static String storedKey() {
        return ConfigProvider.getConfig().getValue(SessionKeySource.KEY_PROPERTY, String.class);
    }
}
