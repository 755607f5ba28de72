package org.aguavoz.notices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import org.aguavoz.outbox.Gsm7;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every SMS AguaVoz writes, in every language, filled with the longest realistic values, fits one GSM-7 segment.
 * Only the reporter's own words quoted to the committee are exempt.
 */
@QuarkusTest
class SmsTextsTest {

    /** Longer than any community name in Berriozabal's list, after transliteration to GSM-7. */
    static final String LONGEST_COMMUNITY = Gsm7.transliterate("Nuevo Joaquín Miguel Gutiérrez Ampliación");
    static final String LONGEST_REFERENCE = "999999";
    static final String LONGEST_CODE = "999999";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"es", "en"})
    void everyTextFitsOneGsm7Segment(String language) throws Exception {
        SmsTexts texts = SmsBundles.texts(language);
        String longestStatus = longest(texts, "status");
        String longestCategory = longest(texts, "category");
        String longestProblem = longest(texts, "problem");
        List<String> tooLong = new ArrayList<>();
        for (Method method : SmsTexts.class.getDeclaredMethods()) {
            Parameter[] parameters = method.getParameters();
            Object[] values = new Object[parameters.length];
            for (int i = 0; i < parameters.length; i++) {
                values[i] = switch (parameters[i].getName()) {
                    case "reference" -> LONGEST_REFERENCE;
                    case "community" -> LONGEST_COMMUNITY;
                    case "code" -> LONGEST_CODE;
                    case "status" -> longestStatus;
                    case "category" -> longestCategory;
                    case "text" -> "";
                    case "references" -> "999999, 999998, 999997, 999996";
                    case "first", "into" -> LONGEST_REFERENCE;
                    case "problem" -> longestProblem;
                    // Reports of one incident, people a note went to: a wave of a whole town.
                    case "count" -> parameters[i].getType() == long.class ? (Object) 9999L : (Object) 9999;
                    // The longest text a notice may have (a community with a one-letter name).
                    case "max" -> Gsm7.SEGMENT;
                    default -> throw new IllegalStateException("no longest value for " + parameters[i].getName());
                };
            }
            String sms = (String) method.invoke(texts, values);
            if (!Gsm7.fitsOneSegment(sms)) {
                tooLong.add(method.getName() + " (" + Gsm7.septets(sms) + (Gsm7.isGsm7(sms) ? "" : ", not GSM-7") + "): " + sms);
            }
        }
        assertEquals(List.of(), tooLong);
    }

    @Test
    void theCommitteeNoticeLeavesRoomForTheReportersWords() {
        String notice = SmsBundles.texts("es").committeeNotice(LONGEST_REFERENCE, "AGUA SUCIA", LONGEST_COMMUNITY, "");
        assertTrue(Gsm7.septets(notice) <= 110, notice + " leaves too little of one segment for a short report");
    }

    @Test
    void aCommunityNoticeLeavesRoomForItsText() {
        org.aguavoz.communities.Community longest = new org.aguavoz.communities.Community();
        longest.name = "Nuevo Joaquín Miguel Gutiérrez Ampliación";
        int max = SendCommunityNotice.maxText(longest);
        assertTrue(max >= 90, "a notice in " + LONGEST_COMMUNITY + " may only have " + max + " characters");
        for (String language : new String[] {"es", "en"}) {
            assertTrue(Gsm7.fitsOneSegment(SmsBundles.texts(language).communityNotice(LONGEST_COMMUNITY, "x".repeat(max))));
        }
    }

    @Test
    void namesGoOutInTheirGsm7Form() {
        assertEquals("Los Angeles", Gsm7.transliterate("Los Ángeles"));
        assertEquals("Efrain A. Gutiérrez", Gsm7.transliterate("Efraín A. Gutiérrez"));
        // é, ñ, ¿ and ¡ are in GSM-7 and stay; í is not and loses its accent.
        assertEquals("Niño ¿Qué? ¡Si!", Gsm7.transliterate("Niño ¿Qué? ¡Sí!"));
        assertEquals("agua ?", Gsm7.transliterate("agua 💧"));
    }

    private static String longest(SmsTexts texts, String prefix) throws Exception {
        String longest = "";
        for (Method method : SmsTexts.class.getDeclaredMethods()) {
            if (method.getName().startsWith(prefix) && method.getParameterCount() == 0 && !method.getName().endsWith("Menu")) {
                String value = (String) method.invoke(texts);
                longest = value.length() > longest.length() ? value : longest;
            }
        }
        return longest;
    }
}
