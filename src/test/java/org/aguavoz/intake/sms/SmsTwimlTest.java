package org.aguavoz.intake.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The webhook's fast TwiML is byte for byte what the Twilio SDK renders, for every kind of reply. */
class SmsTwimlTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "AguaVoz: reporte 4821 recibido. El comité de Los Angeles fue avisado.",
            "AguaVoz: report 482193 received. The Vista Hermosa committee was told.",
            "¿De qué comunidad? Responda con el número del cartel, ej. 101",
            "1 sin agua 2 agua sucia 3 fuga 4 cobro 5 corrupción 6 otro",
            "a&b<c>d\"e'f &amp; <Response/> ]]> <![CDATA[x]]>",
            "<script>alert(1)</script>'; drop table ticket;--",
            "line one\nline two\ttabbed",
            "carriage\r\nreturn",
            "emoji 😀 and 💧",
            "control \u0001 \u0007 \u001b characters",
            "next line \u0085 and delete \u007f",
            "line separator \u2028 and \uFEFF bom",
            "€ ¿¡ ñ Ñ ü ß Ø å Æ é è ù ì ò Ç",
            "Ελληνικά ΔΦΓΛΩΠΨΣΘΞ",
            "漢字 かな",
            " ",
            ""})
    void rendersWhatTheSdkRenders(String reply) {
        assertEquals(SmsTwiml.sdk(reply), SmsTwiml.reply(reply));
    }

    @Test
    void nothingToSayIsAnEmptyResponse() {
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>", SmsTwiml.reply(null));
    }

    /** Random texts over the whole Basic Multilingual Plane, most of them taking the fast path. */
    @Test
    void randomTextsRenderAsTheSdkDoes() {
        Random random = new Random(20261123);
        for (int n = 0; n < 2_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(40);
            for (int i = 0; i < length; i++) {
                char c = n % 4 == 0 ? (char) random.nextInt(0x10000) : (char) (0x09 + random.nextInt(0x250));
                if (!Character.isSurrogate(c)) {
                    text.append(c);
                }
            }
            assertEquals(SmsTwiml.sdk(text.toString()), SmsTwiml.reply(text.toString()), () -> "text: "
                    + text.chars().mapToObj(c -> String.format("U+%04X", c)).toList());
        }
    }
}
