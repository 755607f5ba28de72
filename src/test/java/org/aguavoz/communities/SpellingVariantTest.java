package org.aguavoz.communities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpellingVariantTest {

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
        Los Ángeles            | los angeles
        LOS ANGELES            | los angeles
        '  los   angeles  '    | los angeles
        Efraín A. Gutiérrez    | efrain a gutierrez
        Joaquín-Miguel         | joaquin miguel
        Ñuxtepec               | nuxtepec
        El Sabino #2           | el sabino 2
        """)
    void comparesNamesWithoutCaseAccentsOrPunctuation(String typed, String normalized) {
        assertEquals(normalized, SpellingVariant.normalize(typed));
    }
}
