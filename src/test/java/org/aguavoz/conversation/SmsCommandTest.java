package org.aguavoz.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsCommandTest {

    // The third column is the language the reply should follow; empty when the message does not tell.
    @ParameterizedTest(name = "\"{0}\" -> {1} ({2})")
    @CsvSource(delimiter = '|', textBlock = """
        AYUDA                                        | HELP ours                                    | es
        '  Ayuda   por favor '                       | HELP ours                                    | es
        ayda                                         | HELP ours                                    | es
        AYUDAAA!!                                    | HELP ours                                    | es
        HELP                                         | HELP twilio                                  | en
        help please                                  | HELP ours                                    | en
        ?                                            | HELP ours                                    |
        ¿?                                           | HELP ours                                    |
        INFO                                         | HELP twilio                                  |
        ESTADO 4821                                  | STATUS 4821                                  | es
        STATUS 4821                                  | STATUS 4821                                  | en
        estado de 4821                               | STATUS 4821                                  | es
        status4821                                   | STATUS 4821                                  | en
        Estado4821                                   | STATUS 4821                                  | es
        '  estado   del reporte #48213 '             | STATUS 48213                                 | es
        Estatus folio 482113                         | STATUS 482113                                | es
        status of my report 4821 please              | STATUS 4821                                  | en
        hola, estado 4821 porfa                      | STATUS 4821                                  | es
        ESTADO                                       | STATUS                                       | es
        estadoo                                      | STATUS                                       | es
        estado 12                                    | REPORT                                       | es
        estado de la bomba, no sirve                 | REPORT                                       | es
        BAJA                                         | OPT_OUT ours                                 | es
        darme de baja                                | OPT_OUT ours                                 | es
        STOP                                         | OPT_OUT twilio                               | en
        stop                                         | OPT_OUT twilio                               | en
        Stopall                                      | OPT_OUT twilio                               | en
        UNSUBSCRIBE                                  | OPT_OUT twilio                               | en
        cancel                                       | OPT_OUT twilio                               | en
        END                                          | OPT_OUT twilio                               | en
        Quit                                         | OPT_OUT twilio                               | en
        stop please                                  | OPT_OUT ours                                 | en
        stop stealing our money                      | REPORT                                       | en
        baja presion en la colonia                   | REPORT                                       | es
        ALTA                                         | OPT_IN ours                                  | es
        START                                        | OPT_IN twilio                                | en
        unstop                                       | OPT_IN twilio                                | en
        YES                                          | OPT_IN twilio                                | en
        ANONIMO el tesorero se queda con las cuotas  | ANONYMOUS "el tesorero se queda con las cuotas" | es
        anónimo: el presidente pide mordida          | ANONYMOUS "el presidente pide mordida"       | es
        ANONIMO                                      | ANONYMOUS ""                                 | es
        anonymous the chairman takes bribes          | ANONYMOUS "the chairman takes bribes"        | en
        3                                            | MENU_CHOICE 3                                |
        ' 3. '                                       | MENU_CHOICE 3                                |
        (2)                                          | MENU_CHOICE 2                                |
        0                                            | CODE_ONLY 0                                  |
        101                                          | CODE_ONLY 101                                |
        '#205'                                       | CODE_ONLY 205                                |
        4821                                         | CODE_ONLY 4821                               |
        1234567                                      | REPORT                                       |
        sin agua desde ayer barrio centro            | REPORT                                       | es
        101 sin agua                                 | REPORT                                       | es
        no water since monday                        | REPORT                                       | en
        ayuda no tenemos agua                        | REPORT                                       | es
        ''                                           | REPORT                                       |
        """)
    void parsesVillagerMessages(String sms, String expected, String language) {
        SmsCommand command = SmsCommand.parse(sms);
        assertEquals(expected, command.toString());
        assertEquals(Optional.ofNullable(language), command.language());
    }

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
        sin agua desde ayer barrio centro                  | REPORT    | sin agua desde ayer barrio centro
        '  Ya no hay agüita en Los Ángeles  '              | REPORT    | Ya no hay agüita en Los Ángeles
        ANÓNIMO - ¿y el dinero de las cuotas?              | ANONYMOUS | ¿y el dinero de las cuotas?
        """)
    void keepsTheSendersOwnWords(String sms, SmsCommand.Kind kind, String text) {
        SmsCommand command = SmsCommand.parse(sms);
        assertEquals(kind, command.kind());
        assertEquals(text, command.text());
    }
}
