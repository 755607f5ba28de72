package org.aguavoz.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.aggregator.ArgumentsAccessor;
import org.junit.jupiter.params.provider.CsvSource;

class ReplyTest {

    /** "<agua  x 400>": a text too long for a table, written as a piece and how many times it repeats. */
    private static final Pattern REPEATED = Pattern.compile("<(.+) x ([0-9]+)>");

    // The SMS, then its readings in the order SmsDialogue tries them, absent ones left out: a committee member's
    // command, a MENTION of a reference (from a member of that ticket's committee, a command we do not know), the
    // reporter's SI or NO, then the villager's reading, always there. A trailing es/en is the language the answer
    // follows.
    @ParameterizedTest(name = "{arguments}")
    @CsvSource(delimiter = '|', textBlock = """
        # Villagers' keywords stand alone or with courtesies; Twilio answers its own single-word keywords.
        AYUDA                                        | HELP ours es
        '  Ayuda   por favor '                       | HELP ours es
        ayda                                         | HELP ours es
        AYUDAAA!!                                    | HELP ours es
        HELP                                         | HELP twilio en
        help please                                  | HELP ours en
        ?                                            | HELP ours
        ¿?                                           | HELP ours
        INFO                                         | HELP twilio
        ESTADO 4821                                  | MENTION 4821 | STATUS 4821 es
        STATUS 4821                                  | MENTION 4821 | STATUS 4821 en
        estado de 4821                               | MENTION 4821 | STATUS 4821 es
        status4821                                   | STATUS 4821 en
        Estado4821                                   | STATUS 4821 es
        '  estado   del reporte #48213 '             | MENTION 48213 | STATUS 48213 es
        Estatus folio 482113                         | MENTION 482113 | STATUS 482113 es
        status of my report 4821 please              | MENTION 4821 | STATUS 4821 en
        hola, estado 4821 porfa                      | MENTION 4821 | STATUS 4821 es
        ESTADO                                       | STATUS es
        estadoo                                      | STATUS es
        estado 12                                    | REPORT es
        estado de la bomba, no sirve                 | REPORT es
        BAJA                                         | OPT_OUT ours es
        darme de baja                                | OPT_OUT ours es
        STOP                                         | OPT_OUT twilio en
        stop                                         | OPT_OUT twilio en
        Stopall                                      | OPT_OUT twilio en
        UNSUBSCRIBE                                  | OPT_OUT twilio en
        cancel                                       | OPT_OUT twilio en
        END                                          | OPT_OUT twilio en
        Quit                                         | OPT_OUT twilio en
        stop please                                  | OPT_OUT ours en
        stop stealing our money                      | REPORT en
        baja presion en la colonia                   | REPORT es
        ALTA                                         | OPT_IN ours es
        START                                        | OPT_IN twilio en
        unstop                                       | OPT_IN twilio en
        YES                                          | OPT_IN twilio en
        ANONIMO el tesorero se queda con las cuotas  | ANONYMOUS "el tesorero se queda con las cuotas" es
        anónimo: el presidente pide mordida          | ANONYMOUS "el presidente pide mordida" es
        ANÓNIMO - ¿y el dinero de las cuotas?        | ANONYMOUS "¿y el dinero de las cuotas?" es
        ANONIMO                                      | ANONYMOUS "" es
        anonymous the chairman takes bribes          | ANONYMOUS "the chairman takes bribes" en
        3                                            | MENU_CHOICE 3
        ' 3. '                                       | MENU_CHOICE 3
        (2)                                          | MENU_CHOICE 2
        0                                            | CODE_ONLY 0
        101                                          | CODE_ONLY 101
        '#205'                                       | CODE_ONLY 205
        4821                                         | MENTION 4821 | CODE_ONLY 4821
        1234567                                      | REPORT
        sin agua desde ayer barrio centro            | REPORT es
        '  Ya no hay agüita en Los Ángeles  '        | REPORT es
        101 sin agua                                 | REPORT es
        ayuda no tenemos agua                        | REPORT es
        # A committee member's commands; the member's words keep their accents.
        OK 4821                                      | ACKNOWLEDGE 4821 es | REPORT
        ok4821                                       | ACKNOWLEDGE 4821 es | REPORT
        Ok 4821                                      | ACKNOWLEDGE 4821 es | REPORT
        '  ok   4821  '                              | ACKNOWLEDGE 4821 es | REPORT
        OK #4821                                     | ACKNOWLEDGE 4821 es | REPORT
        enterado 4821                                | ACKNOWLEDGE 4821 es | REPORT
        ok                                           | ACKNOWLEDGE es | REPORT
        NOTA 4821 mañana llega el fontanero          | NOTE 4821 "mañana llega el fontanero" es | REPORT es
        nota4821 mañana                              | NOTE 4821 "mañana" es | REPORT
        nota: ya vamos                               | NOTE "ya vamos" es | REPORT es
        note 4821 plumber comes tomorrow             | NOTE 4821 "plumber comes tomorrow" en | REPORT
        LISTO 4821 se cambió la válvula              | RESOLVE 4821 "se cambió la válvula" es | REPORT es
        listo 4821                                   | RESOLVE 4821 es | REPORT
        Listo                                        | RESOLVE es | REPORT
        resuelto 48210                               | RESOLVE 48210 es | REPORT
        DONE 4821 valve replaced                     | RESOLVE 4821 "valve replaced" en | REPORT
        PENDIENTES                                   | PENDING es | REPORT
        pending                                      | PENDING en | REPORT
        AVISO sin agua hasta el jueves, se cambia la bomba | NOTICE "sin agua hasta el jueves, se cambia la bomba" es | REPORT es
        aviso: mañana cortamos el agua de 8 a 12     | NOTICE "mañana cortamos el agua de 8 a 12" es | REPORT es
        Aviso 4821 litros llegan en pipa             | NOTICE "4821 litros llegan en pipa" es | REPORT es
        AVISO 101 sin agua                           | NOTICE "101 sin agua" es | REPORT es
        aviso                                        | NOTICE es | REPORT
        notice no water until thursday               | NOTICE "no water until thursday" en | REPORT en
        # Not committee commands: an OK with words after it, and words that only start like a keyword.
        ok gracias                                   | REPORT es
        sin agua desde ayer                          | REPORT es
        okupas en el tanque                          | REPORT es
        listos para la asamblea                      | REPORT es
        notable fuga en la calle                     | REPORT es
        avisos de cobro en la asamblea               | REPORT es
        # The reporter's SI or NO: the first word decides; YES is Twilio's opt-in (above).
        Sí                                           | SI | REPORT
        si                                           | SI | REPORT
        si 4821                                      | MENTION 4821 | SI 4821 | REPORT
        SI, 4821                                     | MENTION 4821 | SI 4821 | REPORT
        sí #4821                                     | MENTION 4821 | SI 4821 | REPORT
        no                                           | NO | REPORT
        no sigue saliendo turbia                     | NO "sigue saliendo turbia" | REPORT
        No 4821 sigue sin agua                       | MENTION 4821 | NO 4821 "sigue sin agua" | REPORT es
        no, todavía no                               | NO "todavía no" | REPORT
        no hay agua 101                              | NO "hay agua 101" | REPORT es
        no water since monday                        | NO "water since monday" | REPORT en
        nomas                                        | REPORT
        sin agua                                     | REPORT es
        # A reference after words we do not know.
        HECHO 4821                                   | MENTION 4821 | REPORT
        ya quedó la 4821                             | MENTION 4821 | REPORT es
        ok gracias 4821                              | MENTION 4821 | REPORT es
        # Odd and hostile input is a report like any other (an empty one is asked for text).
                                                     | REPORT
        ''                                           | REPORT
        '   '                                        | REPORT
        💧💧💧                                       | REPORT
        <agua  x 400>                                | REPORT es
        '\u0007\u0000\u001b\u0008'                   | REPORT
        '\u0007ok 4821'                              | MENTION 4821 | REPORT
        <script>alert(1)</script>                    | REPORT
        'x''; DROP TABLE ticket; --'                 | REPORT es
        1 OR 1=1                                     | REPORT
        %s %n {0} ${jndi:ldap://x}                   | REPORT es
        ok한한<script>                               | REPORT
        # Words after a keyword are cut where they start in the text as sent, whatever accents drop or letters split.
        nota 한국어                                  | NOTE "한국어" es | REPORT
        nota e\u0301xito                             | NOTE "e\u0301xito" es | REPORT
        """)
    void readsEverySms(ArgumentsAccessor row) {
        String text = expand(row.getString(0));
        StringJoiner readings = new StringJoiner(" | ");
        for (int column = 1; column < row.size(); column++) {
            readings.add(row.getString(column));
        }

        Reply reply = Reply.parse(text);

        assertEquals(readings.toString(), reply.toString());
        if (reply.villager().kind() == Reply.Villager.Kind.REPORT) {
            // The report is filed in the sender's own words, accents and all.
            assertEquals(text == null ? "" : text.strip(), reply.villager().text());
        }
    }

    private static String expand(String cell) {
        Matcher repeated = REPEATED.matcher(cell == null ? "" : cell);
        return repeated.matches() ? repeated.group(1).repeat(Integer.parseInt(repeated.group(2))) : cell;
    }
}
