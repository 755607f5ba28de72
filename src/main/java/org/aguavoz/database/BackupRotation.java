package org.aguavoz.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The backups in a directory: archives named {@code aguavoz-<UTC time>.tar.gz}, whose names sort as their times do.
 * Only such names are counted and deleted: the directory may hold an operator's own copies.
 */
final class BackupRotation {

    static final String PREFIX = "aguavoz-";
    static final String SUFFIX = ".tar.gz";
    /** An archive being written; renamed when complete, so a crash leaves only this, never a truncated archive. */
    static final String PARTIAL = ".part";

    private BackupRotation() {
    }

    /** Deletes all but the newest {@code keep} backups and returns what it deleted. */
    static List<Path> keepNewest(Path dir, int keep) throws IOException {
        List<Path> backups = backups(dir);
        List<Path> old = backups.subList(0, Math.max(0, backups.size() - keep));
        for (Path backup : old) {
            Files.deleteIfExists(backup);
        }
        return List.copyOf(old);
    }

    /** Partial archives of a backup that did not finish (a crash, a full disk); only one backup runs at a time. */
    static void deletePartials(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path partial : files.filter(f -> isBackupName(f, SUFFIX + PARTIAL)).toList()) {
                Files.deleteIfExists(partial);
            }
        }
    }

    static Optional<Path> newest(Path dir) throws IOException {
        List<Path> backups = backups(dir);
        return backups.isEmpty() ? Optional.empty() : Optional.of(backups.get(backups.size() - 1));
    }

    /** Oldest first. */
    static List<Path> backups(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> isBackupName(f, SUFFIX) && Files.isRegularFile(f))
                    .sorted(Comparator.comparing(f -> f.getFileName().toString())).toList();
        }
    }

    private static boolean isBackupName(Path file, String suffix) {
        String name = file.getFileName().toString();
        return name.startsWith(PREFIX) && name.endsWith(suffix);
    }
}
