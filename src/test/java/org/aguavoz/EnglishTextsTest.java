package org.aguavoz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every text a person reads is in Spanish (the bundle's methods) and in English (its properties file), for every
 * bundle: a key without English, or English for no key, fails here.
 */
class EnglishTextsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            org.aguavoz.notices.SmsTexts        | sms_en.properties
            org.aguavoz.dashboard.UiTexts       | ui_en.properties
            org.aguavoz.tickets.TimelineTexts   | timeline_en.properties
            org.aguavoz.figures.FiguresTexts    | figures_en.properties
            org.aguavoz.open311.Open311Texts    | open311_en.properties
            org.aguavoz.intake.voice.VoiceTexts | voice_en.properties
            """)
    void everyTextHasAnEnglishVersion(String bundle, String file) throws Exception {
        Properties english = new Properties();
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/messages/" + file), file)) {
            english.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> keys = Arrays.stream(Class.forName(bundle).getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(keys);
        missing.removeAll(english.stringPropertyNames());
        Set<String> unknown = new TreeSet<>(english.stringPropertyNames());
        unknown.removeAll(keys);
        assertEquals(Set.of(), missing, "no English text for");
        assertEquals(Set.of(), unknown, "English texts for no method");
    }
}
