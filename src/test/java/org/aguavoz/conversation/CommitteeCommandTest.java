package org.aguavoz.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommitteeCommandTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        OK 4821                                  | ACKNOWLEDGE 4821
        ok4821                                   | ACKNOWLEDGE 4821
        Ok 4821                                  | ACKNOWLEDGE 4821
        '  ok   4821  '                          | ACKNOWLEDGE 4821
        OK #4821                                 | ACKNOWLEDGE 4821
        enterado 4821                            | ACKNOWLEDGE 4821
        ok                                       | ACKNOWLEDGE
        NOTA 4821 mañana llega el fontanero      | NOTE 4821 "mañana llega el fontanero"
        nota4821 mañana                          | NOTE 4821 "mañana"
        nota: ya vamos                           | NOTE "ya vamos"
        note 4821 plumber comes tomorrow         | NOTE 4821 "plumber comes tomorrow"
        LISTO 4821 se cambió la válvula          | RESOLVE 4821 "se cambió la válvula"
        listo 4821                               | RESOLVE 4821
        Listo                                    | RESOLVE
        resuelto 48210                           | RESOLVE 48210
        DONE 4821 valve replaced                 | RESOLVE 4821 "valve replaced"
        PENDIENTES                               | PENDING
        pending                                  | PENDING
        """)
    void parsesCommitteeReplies(String sms, String expected) {
        assertEquals(expected, CommitteeCommand.parse(sms).orElseThrow().toString());
    }

    @ParameterizedTest(name = "\"{0}\" is not a committee command")
    @CsvSource(delimiter = '|', textBlock = """
        ok gracias
        101 sin agua
        sin agua desde ayer
        okupas en el tanque
        listos para la asamblea
        notable fuga en la calle
        ''
        """)
    void leavesOtherTextToTheVillagerDialogue(String sms) {
        assertEquals(java.util.Optional.empty(), CommitteeCommand.parse(sms));
    }
}
