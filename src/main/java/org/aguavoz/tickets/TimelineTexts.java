package org.aguavoz.tickets;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The sentences AguaVoz writes in a ticket's timeline. English in messages/timeline_en.properties. */
@MessageBundle(value = "timeline", locale = "es")
public interface TimelineTexts {

    @Message("El reportante confirmó que se resolvió")
    String reporterConfirmed();

    @Message("El reportante dice que no se resolvió")
    String reporterRefused();

    @Message("El reportante respondió NO: el organismo debe revisar")
    String escalatedByReporter();

    @Message("Cerrado sin respuesta del reportante (resuelto, sin confirmar)")
    String closedUnconfirmed();

    @Message("Recordatorio por SMS: nadie confirmó el reporte en el plazo")
    String remindedAcknowledge();

    @Message("Recordatorio por SMS: pasó la mitad del plazo para resolver sin avance")
    String remindedResolveHalfway();

    @Message("Recordatorio por SMS: se venció el plazo para resolver")
    String remindedResolve();

    @Message("Plazo para confirmar vencido: el organismo fue avisado")
    String escalatedAcknowledge();

    @Message("Plazo para resolver vencido: el organismo fue avisado")
    String escalatedResolve();
}
