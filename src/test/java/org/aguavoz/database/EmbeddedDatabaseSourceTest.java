package org.aguavoz.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import io.quarkus.runtime.ExecutionModeManager;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the embedded server is asked to be, from the settings, before anything starts it. */
class EmbeddedDatabaseSourceTest {

    @ParameterizedTest(name = "profile {0}, durable={1}: {2}")
    @CsvSource({
            "prod, , durable",
            "demo, , durable",
            "prod, true, durable",
            "prod, false, refused",
            "demo, false, refused",
            "test, false, throw-away",
            "dev, false, throw-away",
    })
    void onlyTestsAndDevModeMayRunAThrowAwayDatabase(String profile, String durable, String expected) {
        Map<String, String> settings = durable == null ? Map.of() : Map.of(EmbeddedDatabaseSource.DURABLE, durable);
        ConfigSourceContext context = context(profile, settings);
        if (expected.equals("refused")) {
            var refusal = assertThrows(EmbeddedDatabaseSource.InvalidSetting.class,
                    () -> EmbeddedDatabaseSource.settings(context));
            assertTrue(refusal.getMessage().startsWith("AGUAVOZ_EMBEDDED_DB_DURABLE"), refusal.getMessage());
            return;
        }
        EmbeddedServer.Settings made = EmbeddedDatabaseSource.settings(context);
        assertEquals(expected.equals("durable"), made.durable());
        // A production or demo database lives in the working directory; a throw-away one in a temporary directory.
        assertEquals(expected.equals("durable") ? Path.of("data/postgresql") : null, made.dataDir());
        assertEquals(54329, made.port());
    }

    @Test
    void aConfiguredUrlMeansNoEmbeddedServer() {
        var sources = new EmbeddedDatabaseSource().getConfigSources(
                context("prod", Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://db.example.mx/aguavoz")));
        assertEquals(0, StreamSupport.stream(sources.spliterator(), false).count());
    }

    @Test
    void aBadSettingInStaticInitIsLeftToTheRuntimeConfiguration() {
        // Static init only begins the start; the runtime configuration, built from the same settings, names the error.
        ExecutionModeManager.staticInit();
        try {
            var sources = new EmbeddedDatabaseSource().getConfigSources(
                    context("prod", Map.of(EmbeddedDatabaseSource.PORT, "5432x")));
            assertEquals(0, StreamSupport.stream(sources.spliterator(), false).count());
        } finally {
            ExecutionModeManager.unset();
        }
        assertThrows(EmbeddedDatabaseSource.InvalidSetting.class, () -> new EmbeddedDatabaseSource().getConfigSources(
                context("prod", Map.of(EmbeddedDatabaseSource.PORT, "5432x"))));
    }

    @Test
    void aPortThatIsNoPortIsNamed() {
        var refusal = assertThrows(EmbeddedDatabaseSource.InvalidSetting.class, () -> EmbeddedDatabaseSource.settings(
                context("prod", Map.of(EmbeddedDatabaseSource.PORT, "5432x"))));
        assertEquals("AGUAVOZ_EMBEDDED_DB_PORT (aguavoz.embedded-db.port) must be a port number, not \"5432x\"",
                refusal.getMessage());
    }

    private static ConfigSourceContext context(String profile, Map<String, String> values) {
        return new ConfigSourceContext() {
            @Override
            public ConfigValue getValue(String name) {
                return ConfigValue.builder().withName(name).withValue(values.get(name)).build();
            }

            @Override
            public Iterator<String> iterateNames() {
                return values.keySet().iterator();
            }

            @Override
            public List<String> getProfiles() {
                return List.of(profile);
            }
        };
    }
}
