package org.aguavoz.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;

/**
 * The embedded PostgreSQL server of this application: started once, while Quarkus builds its configuration; stopped
 * after the application — in a packaged or demo start by the library's own shutdown hook once the application has
 * stopped ({@link StopDatabaseLast}), in tests with each application ({@link StopEmbeddedServer}). Its data lives in
 * the data directory and survives restarts.
 *
 * <p>The library passes {@code -F} (no fsync) to every server it starts; the settings given here come after it on
 * the command line and therefore win. A durable server writes every commit to disk before it is acknowledged
 * ({@code fsync}, {@code synchronous_commit}, {@code full_page_writes} on): a report that AguaVoz answered survives
 * a power cut. Tests run a throw-away server without them.
 */
final class EmbeddedServer {

    static final String SUPERUSER = "postgres";
    private static final Logger LOG = Logger.getLogger(EmbeddedServer.class);

    private static EmbeddedServer running;
    /** A start begun by {@link #startSoon} that {@link #start} has not taken over yet. */
    private static Launch launching;
    private static boolean stopsUnusedAtExit;
    /**
     * The server starts while Quarkus builds its configuration, before its logging is set up: the library's chatter
     * (platform detection, initdb's progress) would reach the console in the JDK's default format. Held here
     * because the JDK keeps loggers only weakly, and a collected logger forgets its level.
     */
    private static final java.util.logging.Logger LIBRARY_LOG = java.util.logging.Logger.getLogger("io.zonky");

    /** Where and how: a null data directory is a fresh temporary one, deleted when the server stops. */
    record Settings(Path dataDir, int port, boolean durable, Duration startupWait) {
    }

    /** A server starting on a thread of its own; {@code postgres} fails with whatever stopped the start. */
    private record Launch(Settings settings, CompletableFuture<EmbeddedPostgres> postgres) {

        /** The started server, or the start's own exception, thrown here as if the start had run on this thread. */
        EmbeddedPostgres await() {
            try {
                return postgres.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }
    }

    private final Settings settings;
    private final EmbeddedPostgres postgres;

    private EmbeddedServer(Settings settings, EmbeddedPostgres postgres) {
        this.settings = settings;
        this.postgres = postgres;
    }

    /**
     * Begins to start the server on a thread of its own, unless one runs or is starting: the start spends half a
     * second mostly waiting for PostgreSQL, which Quarkus' own start-up can use meanwhile. {@link #start} waits for it.
     */
    static synchronized void startSoon(Settings settings) {
        if (running != null || launching != null) {
            return;
        }
        CompletableFuture<EmbeddedPostgres> postgres = new CompletableFuture<>();
        launching = new Launch(settings, postgres);
        Thread starter = new Thread(() -> {
            try {
                postgres.complete(launch(settings));
            } catch (Throwable failure) {
                postgres.completeExceptionally(failure);
            }
        }, "embedded-postgresql-start");
        starter.setDaemon(true);
        starter.start();
        if (!stopsUnusedAtExit) {
            // An application that stops before it asks for the server (a bad setting) must not leave it running; once
            // taken over, the server is stopped by StopEmbeddedServer, after everything that uses it.
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedServer::stopIfNotTakenOver,
                    "embedded-postgresql-stop-unused"));
            stopsUnusedAtExit = true;
        }
    }

    /** The running server, started now if this JVM has none. Quarkus may build its configuration several times. */
    static synchronized EmbeddedServer start(Settings settings) {
        if (running == null && launching != null) {
            Launch launch = launching;
            launching = null;
            EmbeddedPostgres postgres = launch.await();
            if (launch.settings().equals(settings)) {
                running = new EmbeddedServer(settings, postgres);
                return running;
            }
            // The static-init configuration read other settings than the runtime one: the runtime one decides.
            close(postgres);
        }
        if (running != null) {
            if (!running.settings.equals(settings)) {
                LOG.warnf("The embedded PostgreSQL already runs with %s; %s is not applied until the next start",
                        running.settings, settings);
            }
            return running;
        }
        running = new EmbeddedServer(settings, launch(settings));
        return running;
    }

    /** Stops the server (a fast shutdown: what is in flight rolls back, what was committed stays). */
    static synchronized void stopIfRunning() {
        stopIfNotTakenOver();
        if (running == null) {
            return;
        }
        close(running.postgres);
        running = null;
    }

    /** Stops a server begun by {@link #startSoon} that the application never asked for, once it has started. */
    private static synchronized void stopIfNotTakenOver() {
        if (launching == null) {
            return;
        }
        Launch launch = launching;
        launching = null;
        try {
            close(launch.await());
        } catch (RuntimeException notStarted) {
            // nothing runs
        }
    }

    private static void close(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warnf("The embedded PostgreSQL did not stop cleanly: %s", e.getMessage());
        }
    }

    /** Whether {@code url} is the embedded server of this JVM. */
    static synchronized boolean isRunning(String url) {
        return running != null && running.jdbcUrl().equals(url);
    }

    String jdbcUrl() {
        // The IPv4 loopback, as the server listens and as refuseIfPortTaken checks: "localhost" may mean ::1 too.
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres?user=" + SUPERUSER;
    }

    private static EmbeddedPostgres launch(Settings settings) {
        long started = System.nanoTime();
        LIBRARY_LOG.setLevel(java.util.logging.Level.WARNING);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(settings.port())
                .setPGStartupWait(settings.startupWait());
        if (settings.dataDir() != null) {
            Path dataDir = settings.dataDir().toAbsolutePath();
            try {
                Files.createDirectories(dataDir.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("The embedded PostgreSQL cannot create " + dataDir.getParent(), e);
            }
            LeftoverServer.stopIfAny(dataDir);
            // The server's own log (start, recovery after a crash, checkpoints) goes beside its data, for the operator.
            ProcessBuilder.Redirect serverLog = ProcessBuilder.Redirect.appendTo(
                    dataDir.resolveSibling("postgresql.log").toFile());
            builder.setDataDirectory(dataDir).setCleanDataDirectory(false)
                    .setOutputRedirector(serverLog).setErrorRedirector(serverLog);
        }
        refuseIfPortTaken(settings.port());
        String onOff = settings.durable() ? "on" : "off";
        builder.setServerConfig("listen_addresses", "127.0.0.1")
                // PostgreSQL's own default rather than the library's 300: the app's pool holds at most 20, and every
                // allowed connection costs shared memory on a small server.
                .setServerConfig("max_connections", "100")
                .setServerConfig("fsync", onOff)
                .setServerConfig("synchronous_commit", onOff)
                .setServerConfig("full_page_writes", onOff);
        EmbeddedPostgres postgres;
        try {
            postgres = builder.start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The embedded PostgreSQL did not start on port " + settings.port()
                    + (settings.dataDir() == null ? "" : " with data in " + settings.dataDir()) + ": " + e.getMessage()
                    + ". (A build made with -Dexternal-db has no embedded server: set QUARKUS_DATASOURCE_JDBC_URL.)",
                    e);
        }
        StopDatabaseLast.install();
        LOG.infof("Embedded PostgreSQL ready on port %d in %d ms, data in %s, %s", settings.port(),
                Duration.ofNanos(System.nanoTime() - started).toMillis(),
                settings.dataDir() == null ? "a temporary directory" : settings.dataDir(),
                settings.durable() ? "durable (fsync, synchronous_commit and full_page_writes on)"
                        : "NOT durable (tests and dev mode only)");
        return postgres;
    }

    /**
     * A port held by another program (another PostgreSQL, an AguaVoz started elsewhere) would make the server fail to
     * listen, while the library's readiness probe and then AguaVoz itself would talk to that other program's
     * database. Asked by connecting to the IPv4 loopback the JDBC URL reaches: a test bind would also fail on the
     * closed connections of a server stopped a moment ago (TIME_WAIT), which PostgreSQL itself ignores.
     */
    private static void refuseIfPortTaken(int port) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 1000);
        } catch (IOException nobodyListens) {
            return;
        }
        throw new IllegalStateException("Port " + port + " of the embedded PostgreSQL is taken by another program:"
                + " stop it, or give the embedded server another port with AGUAVOZ_EMBEDDED_DB_PORT");
    }
}
