package org.aguavoz.agency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalTime;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuietHoursTest {

    @ParameterizedTest(name = "{0} at {1}: {2}")
    @CsvSource({
            "21:00-07:00, 20:59, false",
            "21:00-07:00, 21:00, true",
            "21:00-07:00, 23:59, true",
            "21:00-07:00, 00:00, true",
            "21:00-07:00, 06:59, true",
            "21:00-07:00, 07:00, false",
            "21:00-07:00, 12:00, false",
            "13:00-15:00, 12:59, false",
            "13:00-15:00, 13:00, true",
            "13:00-15:00, 15:00, false",
            "' 22:30 - 6:00 ', 05:59, true",
            "' 22:30 - 6:00 ', 22:29, false",
    })
    void holdsDuringTheHoursAndNotAtTheirEnd(String setting, String time, boolean quiet) {
        assertEquals(quiet, QuietHours.parse(setting).orElseThrow().contains(LocalTime.parse(time)));
    }

    @ParameterizedTest
    @CsvSource({"off", "OFF", "' off '"})
    void offMeansNone(String setting) {
        assertEquals(Optional.empty(), QuietHours.parse(setting));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "21-07            | \"21-07\" is not HH:MM-HH:MM (e.g. 21:00-07:00) or off",
            "21:00            | \"21:00\" is not HH:MM-HH:MM (e.g. 21:00-07:00) or off",
            "25:00-07:00      | \"25:00-07:00\" has an impossible time of day",
            "21:00-21:00      | quiet hours must not start and end at the same time (use \"off\")",
            "never            | \"never\" is not HH:MM-HH:MM (e.g. 21:00-07:00) or off",
    })
    void anythingElseIsRefusedWithWhatIsExpected(String setting, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> QuietHours.parse(setting)).getMessage());
    }

    @org.junit.jupiter.api.Test
    void printsAsTheAgencyWritesIt() {
        assertEquals("21:00-07:00", QuietHours.format(QuietHours.parse("21:00-7:00")));
        assertEquals("off", QuietHours.format(QuietHours.parse("off")));
    }
}
