package org.aguavoz.phones;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest(name = "{1}: \"{0}\" -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
        961 123 4567          | MX | +529611234567
        9611234567            | MX | +529611234567
        (961) 123-4567        | MX | +529611234567
        +52 961 123 4567      | MX | +529611234567
        +52 1 961 123 4567    | MX | +529611234567
        +5219611234567        | MX | +529611234567
        044 961 123 4567      | MX | +529611234567
        045 961 123 4567      | MX | +529611234567
        55 1234 5678          | MX | +525512345678
        0712 345678           | KE | +254712345678
        0712345678            | KE | +254712345678
        712 345 678           | KE | +254712345678
        +254 712 345 678      | KE | +254712345678
        +254712345678         | MX | +254712345678
        +52 961 123 4567      | KE | +529611234567
        """)
    void normalisesNumbersTypedTheLocalWay(String typed, String region, String e164) {
        assertEquals(e164, PhoneNumbers.parse(typed, region).orElseThrow().e164());
    }

    @ParameterizedTest(name = "\"{0}\" is not a phone number")
    @ValueSource(strings = {"", "   ", "hola", "123", "961 123", "+52 961 123 45678 999",
            "0000000000", "+999 123 456 789", "961-123-4567-8901-2345-6789-0123-4567-8901"})
    void refusesWhatIsNotANumber(String typed) {
        assertTrue(PhoneNumbers.parse(typed, "MX").isEmpty());
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        +529611234567  | +52*******567
        +254712345678  | +25*******678
        12             | ***
        """)
    void masksAllButTheLastThreeDigits(String number, String masked) {
        assertEquals(masked, PhoneNumber.mask(number));
    }

    @org.junit.jupiter.api.Test
    void toStringNeverShowsTheWholeNumber() {
        PhoneNumber number = new PhoneNumber("+529611234567");
        assertEquals("+52*******567", number.toString());
        assertEquals("+529611234567", number.e164());
    }
}
