package org.aguavoz.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Every word of the dashboard is in Spanish (the bundle's methods) and in English (ui_en.properties). */
class UiTextsTest {

    @Test
    void everyWordHasAnEnglishVersion() throws IOException {
        Properties english = new Properties();
        try (InputStream in = UiTextsTest.class.getResourceAsStream("/messages/ui_en.properties")) {
            english.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> keys = Arrays.stream(UiTexts.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(keys);
        missing.removeAll(english.stringPropertyNames());
        Set<String> unknown = new TreeSet<>(english.stringPropertyNames());
        unknown.removeAll(keys);
        assertEquals(Set.of(), missing, "no English text for");
        assertEquals(Set.of(), unknown, "English texts for no method");
    }
}
