package org.aguavoz.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * A PostgreSQL server left running on our data directory by an earlier run that was killed hard ({@code kill -9},
 * an out-of-memory kill): the server outlives the JVM that started it and holds the data directory and the port.
 * Before the embedded server starts, such a leftover is stopped the way PostgreSQL documents it — SIGINT to the
 * postmaster named in {@code postmaster.pid}, then a wait — so that a restart needs no manual step.
 *
 * <p>It is a leftover only if no live AguaVoz holds the data directory: the embedded-PostgreSQL library keeps a file
 * lock ({@code epg-lock}) on it for as long as its JVM lives, and the operating system releases it when that JVM
 * dies, however it dies. A second AguaVoz started on the same directory is refused instead of stopping the first
 * one's database.
 */
final class LeftoverServer {

    private static final Logger LOG = Logger.getLogger(LeftoverServer.class);
    private static final String LIBRARY_LOCK = "epg-lock";
    private static final String PID_FILE = "postmaster.pid";
    /** A fast shutdown rolls back what was in flight (nothing that was acknowledged) and takes a second or two. */
    private static final Duration FAST_SHUTDOWN = Duration.ofSeconds(30);

    private LeftoverServer() {
    }

    static void stopIfAny(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dataDir.resolve(LIBRARY_LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("The embedded PostgreSQL's data directory " + dataDir
                        + " is in use by another running AguaVoz: stop that one first, or start this one in another"
                        + " working directory");
            }
            readPid(dataDir).ifPresent(pid -> stop(pid, dataDir));
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL's data directory " + dataDir + " cannot be locked",
                    e);
        }
    }

    private static Optional<Long> readPid(Path dataDir) throws IOException {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve(PID_FILE));
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (NoSuchFileException | NumberFormatException none) {
            return Optional.empty();
        }
    }

    private static void stop(long pid, Path dataDir) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty() || !isPostgresOf(process.get(), dataDir)) {
            // After a power cut the file names a process number that is gone or now belongs to something else:
            // PostgreSQL itself recognises a stale file, and nothing here may signal a stranger.
            return;
        }
        LOG.warnf("The embedded PostgreSQL of an earlier run (pid %d) still runs on %s, probably because AguaVoz was"
                + " killed hard; stopping it before starting again", pid, dataDir);
        long started = System.nanoTime();
        // SIGINT is PostgreSQL's "fast shutdown": what was in flight rolls back (nothing that was acknowledged), and
        // it does not wait for clients, who died with the earlier JVM anyway. Not pg_ctl: it refuses to run as root,
        // and the library runs the server as another user then.
        try {
            Process signal = new ProcessBuilder("kill", "-INT", String.valueOf(pid)).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            signal.waitFor(5, TimeUnit.SECONDS);
            process.get().onExit().get(FAST_SHUTDOWN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception notStopped) {
            throw new IllegalStateException("The embedded PostgreSQL of an earlier run (pid " + pid + ") did not stop"
                    + " within " + FAST_SHUTDOWN.toSeconds() + " s: stop it with kill " + pid + " and start again");
        }
        LOG.infof("The earlier embedded PostgreSQL (pid %d) stopped in %d ms", pid,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /** A postgres process whose command line names our data directory (the library starts it with -D). */
    private static boolean isPostgresOf(ProcessHandle process, Path dataDir) {
        ProcessHandle.Info info = process.info();
        boolean postgres = info.command().map(command -> Path.of(command).getFileName().toString().equals("postgres"))
                .orElse(false);
        String directory = dataDir.toAbsolutePath().normalize().toString();
        boolean ours = info.arguments().map(List::of).orElse(List.of()).stream()
                .anyMatch(argument -> argument.equals(directory) || argument.endsWith(directory));
        return postgres && ours;
    }
}
