package org.aguavoz.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session key's file, for starts that cannot read the database before the HTTP layer needs the key. */
class SessionKeyFileTest {

    @TempDir
    Path dir;

    @Test
    void theKeyIsMadeOnceReadableByItsOwnerOnlyAndKept() throws IOException {
        Path file = dir.resolve("data/session.key");
        String key = SessionKeySource.readOrCreateFile(file);
        assertEquals(43, key.length());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(key, SessionKeySource.readOrCreateFile(file), "a restart uses the same key");
        assertEquals(1, Files.list(file.getParent()).count(), "no temporary file is left behind");
        assertNotEquals(key, SessionKeySource.readOrCreateFile(dir.resolve("other.key")));
    }

    @Test
    void aFileOthersCouldReadIsClosedAndAFileWithoutAKeyStopsTheStart() throws IOException {
        Path file = dir.resolve("session.key");
        Files.writeString(file, SessionKeySource.newKey());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        SessionKeySource.readOrCreateFile(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        Files.writeString(file, "short");
        assertThrows(IllegalStateException.class, () -> SessionKeySource.readOrCreateFile(file));
    }

    @Test
    void withoutADatabaseAddressTheFileIsUsed() {
        Path file = dir.resolve("session.key");
        SessionKeySource.StoredKey stored = SessionKeySource.load(file,
                new SessionKeySource.Database(null, null, null));
        String key = SessionKeySource.readOrCreateFile(file);
        assertEquals(new SessionKeySource.StoredKey(key, SessionKeySource.Origin.FILE), stored);
    }

    @Test
    void anUnreachableDatabaseFallsBackToTheFile() {
        Path file = dir.resolve("session.key");
        SessionKeySource.StoredKey stored = SessionKeySource.load(file,
                new SessionKeySource.Database("jdbc:postgresql://127.0.0.1:1/nothing", "x", "y"));
        assertEquals(SessionKeySource.Origin.FILE_DATABASE_DOWN, stored.origin());
    }
}
