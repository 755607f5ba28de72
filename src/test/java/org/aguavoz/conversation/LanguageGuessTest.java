package org.aguavoz.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageGuessTest {

    // An empty second column means "cannot tell".
    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        no water                                | en
        the water is brown                      | en
        help                                    | en
        STATUS 4821                             | en
        please send help, my tap is dry         | en
        NO WATER SINCE MONDAY                   | en
        hakuna maji tangu jana                  | en
        STOP                                    | en
        sin agua                                | es
        no hay agua en el barrio                | es
        Ayuda                                   | es
        ESTADO 4821                             | es
        aki no ay awa desde ayer                | es
        el agua sta sucia x favor               | es
        Buenas tardes señor                     | es
        no water en la comunidad                | es
        4821                                    |
        101 !!!                                 |
        ok                                      |
        no                                      |
        Kiambu                                  |
        ''                                      |
        """)
    void guessesLanguage(String sms, String expected) {
        assertEquals(Optional.ofNullable(expected), LanguageGuess.guess(sms));
    }
}
