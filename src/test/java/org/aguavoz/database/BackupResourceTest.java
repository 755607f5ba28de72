package org.aguavoz.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.aguavoz.Management;
import org.aguavoz.TestStaff;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;

/** A backup taken through the API, of the test's own running server: what the archive holds, who may take one. */
@QuarkusTest
class BackupResourceTest {

    @Test
    void anAdminsBackupHoldsTheDataTheLabelAndTheWalButNotTheRunningServersFiles() throws IOException {
        Response response = TestStaff.asAdmin().post("/api/v1/backups");
        assertEquals(201, response.statusCode(), response.asString());
        Path archive = Path.of("target/test-backups", response.jsonPath().getString("file"));
        assertTrue(archive.getFileName().toString().matches("aguavoz-\\d{4}-\\d\\d-\\d\\dT\\d{6}Z\\.tar\\.gz"),
                archive.toString());
        assertEquals(response.jsonPath().getLong("bytes"), Files.size(archive));

        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        String label = null;
        try (InputStream file = Files.newInputStream(archive);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                entries.put(entry.getName(), entry);
                if (entry.getName().equals("postgresql/backup_label")) {
                    label = new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        for (String needed : new String[] {"postgresql/", "postgresql/PG_VERSION", "postgresql/global/pg_control",
                "postgresql/pg_wal/", "postgresql/pg_wal/archive_status/", "postgresql/pg_subtrans/"}) {
            assertTrue(entries.containsKey(needed), needed + " is missing");
        }
        assertTrue(label != null && label.startsWith("START WAL LOCATION:"), "backup_label: " + label);
        String firstSegment = label.replaceAll("(?s).*\\(file ([0-9A-F]{24})\\).*", "$1");
        assertTrue(entries.containsKey("postgresql/pg_wal/" + firstSegment), "the segment the label starts in, "
                + firstSegment + ", is not in " + entries.keySet());
        for (String running : new String[] {"postgresql/postmaster.pid", "postgresql/postmaster.opts",
                "postgresql/epg-lock"}) {
            assertFalse(entries.containsKey(running), running + " is in the archive");
        }
        // PostgreSQL refuses to start on a data directory others may read.
        assertEquals(040700, entries.get("postgresql/").getMode());
        assertEquals(0100600, entries.get("postgresql/global/pg_control").getMode());

        String metrics = Management.given().get("/q/metrics").asString();
        assertTrue(metrics.matches("(?s).*\\naguavoz_backup_last_success(\\{[^}]*})? [1-9].*"), metrics);
    }

    @Test
    void staffAndViewersMayNotTakeOne() {
        TestStaff.asStaff().post("/api/v1/backups").then().statusCode(403);
        TestStaff.asViewer().post("/api/v1/backups").then().statusCode(403);
    }
}
