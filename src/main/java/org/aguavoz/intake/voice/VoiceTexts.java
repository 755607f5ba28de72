package org.aguavoz.intake.voice;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What a caller hears that is not part of a voice flow: spoken by text to speech. Spanish here, English in
 * messages/voice_en.properties.
 */
@MessageBundle(value = "voice", locale = "es")
public interface VoiceTexts {

    /** When AguaVoz cannot take a call (its database is away): the SMS webhook still keeps every message. */
    @Message("Lo sentimos, en este momento no podemos tomar su llamada. Por favor envíe su reporte por mensaje de"
            + " texto a este mismo número. Gracias.")
    String outage();
}
