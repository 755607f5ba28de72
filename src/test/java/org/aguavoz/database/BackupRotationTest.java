package org.aguavoz.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupRotationTest {

    private static final Instant FIRST = Instant.parse("2026-11-15T03:00:00Z");

    @TempDir
    Path dir;

    @Test
    void keepsTheNewestFourteenDailyBackupsAndNothingElseIsTouched() throws IOException {
        List<String> written = new ArrayList<>();
        for (int day = 0; day < 17; day++) {
            // Written newest first: the order on disk or by modification time must not matter, only the name's.
            String name = BaseBackup.fileName(FIRST.plus(Duration.ofDays(16 - day)));
            Files.writeString(dir.resolve(name), name);
            written.add(0, name);
        }
        Files.writeString(dir.resolve("before-upgrade.tar.gz"), "an operator's own copy");
        Files.writeString(dir.resolve("notes.txt"), "kept");

        List<Path> deleted = BackupRotation.keepNewest(dir, 14);

        assertEquals(written.subList(0, 3), names(deleted), "the three oldest");
        assertEquals(written.subList(3, 17), names(BackupRotation.backups(dir)), "the newest fourteen, oldest first");
        assertEquals("aguavoz-2026-12-01T030000Z.tar.gz", BackupRotation.newest(dir).orElseThrow().getFileName()
                .toString());
        assertTrue(Files.exists(dir.resolve("before-upgrade.tar.gz")));
        assertTrue(Files.exists(dir.resolve("notes.txt")));
        assertEquals(List.of(), BackupRotation.keepNewest(dir, 14), "a second rotation deletes nothing more");
    }

    @Test
    void aPartialArchiveOfAnInterruptedBackupIsNeitherKeptNorCounted() throws IOException {
        String complete = BaseBackup.fileName(FIRST);
        Files.writeString(dir.resolve(complete), "complete");
        Files.writeString(dir.resolve(BaseBackup.fileName(FIRST.plusSeconds(86_400)) + BackupRotation.PARTIAL), "cut");

        assertEquals(List.of(complete), names(BackupRotation.backups(dir)));
        BackupRotation.deletePartials(dir);
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(complete), names(left.toList()));
        }
    }

    private static List<String> names(List<Path> files) {
        return files.stream().map(file -> file.getFileName().toString()).sorted().toList();
    }
}
