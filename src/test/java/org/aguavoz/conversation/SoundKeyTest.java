package org.aguavoz.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SoundKeyTest {

    @ParameterizedTest(name = "{0} sounds like {1}")
    @CsvSource(delimiter = '|', textBlock = """
        awa       | agua
        agwa      | agua
        biene     | viene
        nobino    | novino
        susia     | sucia
        zucia     | sucia
        ai        | hay
        ay        | hay
        yave      | llave
        kieren    | quieren
        kobran    | cobran
        uele      | huele
        tuvo      | tubo
        tubos     | tubo
        aguaaa    | agua
        corrupsion | corrupcion
        """)
    void spellingsByEarMeet(String written, String word) {
        assertEquals(SoundKey.of(word), SoundKey.of(written));
    }

    @ParameterizedTest(name = "{0} is not {1}")
    @CsvSource(delimiter = '|', textBlock = """
        socio     | sucio
        ya        | la
        cosa      | casa
        """)
    void differentWordsStayApart(String one, String other) {
        assertNotEquals(SoundKey.of(other), SoundKey.of(one));
    }
}
