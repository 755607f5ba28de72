package org.aguavoz.database;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * A gzipped tar of a running server's data directory, under {@value #ROOT}, as PostgreSQL's "Making a Base Backup
 * Using the Low Level API" says to copy it: files change while they are read, and WAL replay from the backup's
 * start repairs that. Unpacked with {@code tar -xzf … -C data}, it is {@code data/postgresql} with the owner-only
 * permissions the server insists on.
 */
final class DataDirArchive implements Closeable {

    static final String ROOT = "postgresql/";
    static final String WAL = "pg_wal";
    /** A WAL segment: timeline, then log and segment number, in hex. */
    private static final Pattern SEGMENT = Pattern.compile("[0-9A-F]{24}");
    /**
     * Contents PostgreSQL rebuilds or never needs at start (the documentation's list); the directories themselves
     * are kept, the server expects them. pg_wal is added after pg_backup_stop, see {@link #addWal}.
     */
    private static final Set<String> EMPTIED = Set.of(WAL, "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial",
            "pg_snapshots", "pg_stat_tmp", "pg_subtrans");
    /**
     * Files of the running server, not of the data: its pid (a restored copy would look like a running server), its
     * command line, the library's lock, and labels a backup writes itself.
     */
    private static final Set<String> LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts", "epg-lock",
            "backup_label", "tablespace_map", "backup_manifest", "postgresql.auto.conf.tmp");
    private static final int DIR_MODE = 040700;
    private static final int FILE_MODE = 0100600;
    private static final byte[] ZEROS = new byte[8192];

    private final FileOutputStream file;
    private final TarArchiveOutputStream tar;
    private final Set<String> names = new HashSet<>();

    DataDirArchive(Path path) throws IOException {
        file = new FileOutputStream(path.toFile());
        GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(new BufferedOutputStream(file, 1 << 16));
        tar = new TarArchiveOutputStream(gzip);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    }

    /** Whether a path of the data directory (relative, with {@code /}) belongs in a base backup. */
    static boolean belongs(String relative) {
        String[] parts = relative.split("/");
        String name = parts[parts.length - 1];
        if (parts.length == 1 && LEFT_OUT.contains(name)) {
            return false;
        }
        if (parts.length > 1 && EMPTIED.contains(parts[0])) {
            return false;
        }
        for (String part : parts) {
            if (part.startsWith("pgsql_tmp")) {
                return false; // temporary files of queries in flight, anywhere below
            }
        }
        return !name.equals("pg_internal.init"); // relation caches, rebuilt at start
    }

    /** Everything of {@code dataDir} that {@link #belongs}, the WAL directory empty. */
    void addDataFiles(Path dataDir) throws IOException {
        addDirectory("");
        Files.walkFileTree(dataDir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                if (dir.equals(dataDir)) {
                    return FileVisitResult.CONTINUE;
                }
                String relative = relative(dataDir, dir);
                if (relative.startsWith(WAL + "/")) {
                    addDirectory(relative); // archive_status, summaries: pg_wal's layout, empty in the copy
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (!belongs(relative)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                addDirectory(relative);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path path, BasicFileAttributes attributes) throws IOException {
                String relative = relative(dataDir, path);
                if (attributes.isSymbolicLink()) {
                    // Tablespaces live outside the data directory: this copy would silently miss them.
                    throw new IOException(path + " is a symbolic link (a tablespace?): not covered by this backup");
                }
                if (belongs(relative) && !relative.startsWith(WAL + "/")) {
                    addFile(relative, path);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path path, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // dropped while we walked: WAL replay drops it too
                }
                throw e;
            }
        });
    }

    /**
     * The WAL segments from the backup's start to its end (and the timeline history files): what the restored
     * server replays to reach a consistent state. Older segments are not needed, newer ones are recycled files.
     */
    void addWal(Path dataDir, String firstSegment, String lastSegment) throws IOException {
        Path wal = dataDir.resolve(WAL);
        try (var files = Files.list(wal)) {
            for (Path path : files.sorted().toList()) {
                String name = path.getFileName().toString();
                boolean needed = SEGMENT.matcher(name).matches()
                        && segmentNumber(name).compareTo(segmentNumber(firstSegment)) >= 0
                        && segmentNumber(name).compareTo(segmentNumber(lastSegment)) <= 0;
                if ((needed || name.endsWith(".history")) && Files.isRegularFile(path)) {
                    addFile(WAL + "/" + name, path);
                }
            }
        }
    }

    /** The log and segment number, without the timeline: the same data after a timeline switch. */
    private static String segmentNumber(String segment) {
        return segment.substring(8);
    }

    void addFile(String relative, byte[] content) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(ROOT + relative);
        entry.setMode(FILE_MODE);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
        names.add(relative);
    }

    boolean contains(String relative) {
        return names.contains(relative);
    }

    /** Completes the archive and forces it to disk: a backup that is not on disk is not a backup. */
    void finishAndSync() throws IOException {
        tar.finish();
        tar.flush();
        file.getChannel().force(true);
    }

    @Override
    public void close() throws IOException {
        tar.close();
    }

    private void addDirectory(String relative) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(relative.isEmpty() ? ROOT : ROOT + relative + "/");
        entry.setMode(DIR_MODE);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    private void addFile(String relative, Path path) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException dropped) {
            return; // a table dropped or a segment recycled while we copied: replay handles both
        }
        try (channel; InputStream in = Channels.newInputStream(channel)) {
            // The size is written before the content: a file that grows is cut there, one that shrinks is padded
            // with zeros, as pg_basebackup does; replay of the WAL rewrites those pages either way.
            long size = channel.size();
            TarArchiveEntry entry = new TarArchiveEntry(ROOT + relative);
            entry.setMode(FILE_MODE);
            entry.setSize(size);
            entry.setModTime(Files.getLastModifiedTime(path));
            tar.putArchiveEntry(entry);
            long copied = copy(in, tar, size);
            for (long left = size - copied; left > 0; left -= Math.min(left, ZEROS.length)) {
                tar.write(ZEROS, 0, (int) Math.min(left, ZEROS.length));
            }
            tar.closeArchiveEntry();
            names.add(relative);
        }
    }

    private static long copy(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long copied = 0;
        while (copied < limit) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - copied));
            if (read < 0) {
                break;
            }
            out.write(buffer, 0, read);
            copied += read;
        }
        return copied;
    }

    private static String relative(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }
}
