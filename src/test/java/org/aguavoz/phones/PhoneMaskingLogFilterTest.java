package org.aguavoz.phones;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.logging.Level;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneMaskingLogFilterTest {

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
        SMS from +529611234567 stored           | SMS from +52*******567 stored
        member 961 123 4567 added               | member *******567 added
        Kenya 0712345678 and +254 712 345 678   | Kenya *******678 and +25*******678
        MessageSid SM0123456789abcdef0123456789abcdef | MessageSid SM0123456789abcdef0123456789abcdef
        started in 3.675s on port 54329         | started in 3.675s on port 54329
        ticket 4821 opened                      | ticket 4821 opened
        """)
    void masksNumbersWhereverTheyAppear(String line, String logged) {
        assertEquals(logged, PhoneMaskingLogFilter.mask(line));
    }

    @Test
    void rewritesTheFormattedMessageOfALogRecord() {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "reply to %s failed", ExtLogRecord.FormatStyle.PRINTF,
                PhoneMaskingLogFilterTest.class.getName());
        record.setParameters(new Object[] {"+529611234567"});

        new PhoneMaskingLogFilter().isLoggable(record);

        assertEquals("reply to +52*******567 failed", record.getFormattedMessage());
    }
}
