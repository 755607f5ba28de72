package org.aguavoz.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NoticeEndTest {

    /** A Monday. */
    private static final LocalDate TODAY = LocalDate.parse("2026-11-23");

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        sin agua hasta el jueves, se cambia la bomba  | 2026-11-26
        SIN AGUA HASTA EL JUEVES                      | 2026-11-26
        no hay agua hasta el miércoles                | 2026-11-25
        corte hasta este sábado                       | 2026-11-28
        sin agua hasta el lunes                       | 2026-11-23
        sin agua hasta el domingo                     | 2026-11-29
        sin agua hasta mañana en la tarde             | 2026-11-24
        sin agua hasta pasado mañana                  | 2026-11-25
        cortamos el agua hasta hoy a las 6            | 2026-11-23
        no water until Thursday                       | 2026-11-26
        no water till tomorrow                        | 2026-11-24
        se cambia la bomba                            | 2026-11-24
        el jueves se cambia la bomba                  | 2026-11-24
        hastael jueves                                | 2026-11-24
        """)
    void theLastDayOfACommitteesNotice(String words, LocalDate lastDay) {
        assertEquals(lastDay, NoticeEnd.lastDay(words, TODAY));
    }
}
