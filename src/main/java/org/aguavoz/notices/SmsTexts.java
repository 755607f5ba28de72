package org.aguavoz.notices;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every SMS AguaVoz writes to a villager or a committee. Spanish here, English in messages/sms_en.properties.
 * Each must fit one GSM-7 segment (160 characters, no á/í/ó/ú) with the longest community name; only a
 * reporter's own words quoted to others may push a message past that ({@code SmsTextsTest} checks).
 */
@MessageBundle(value = "sms", locale = "es")
public interface SmsTexts {

    @Message("AguaVoz: reporte {reference} recibido. El comité de {community} fue avisado.")
    String received(String reference, String community);

    @Message("AguaVoz: reporte {reference} recibido. Fue enviado al organismo municipal, no al comité.")
    String receivedIntegrity(String reference);

    @Message("AguaVoz: reporte {reference} recibido. Fue enviado al organismo municipal.")
    String receivedByAgency(String reference);

    /** The report joined an incident: the committee knew already; {problem} is e.g. "de la falta de agua". */
    @Message("AguaVoz: reporte {reference} recibido. El comité de {community} ya sabe {problem} ({count} reportes).")
    String receivedKnown(String reference, String community, String problem, long count);

    @Message("AguaVoz: reporte {reference} recibido. El organismo municipal ya sabe {problem} ({count} reportes).")
    String receivedKnownByAgency(String reference, String problem, long count);

    @Message("de la falta de agua")
    String problemOutage();

    @Message("del agua sucia")
    String problemQuality();

    @Message("de la fuga")
    String problemLeak();

    @Message("de este problema")
    String problemOther();

    @Message("¿De qué comunidad? Responda con el numero del cartel, ej. 101")
    String askCommunity();

    @Message("AguaVoz: no hay comunidad {code}. Responda con el numero del cartel, ej. 101")
    String unknownCommunity(String code);

    @Message("AguaVoz: ¿qué pasa? Responda con un numero: 1 sin agua 2 agua sucia 3 fuga 4 cobro 5 corrupcion 6 otro")
    String categoryMenu();

    @Message("AguaVoz: escriba qué pasa y su comunidad, ej. 101 sin agua. ESTADO 4821 para ver su reporte. ANONIMO y su queja para no dar su nombre. BAJA para salir.")
    String help();

    @Message("AguaVoz: reporte {reference} de {community}: {status}.")
    String status(String reference, String community, String status);

    @Message("AguaVoz: no encontramos el reporte {reference} de este teléfono.")
    String statusNotFound(String reference);

    @Message("AguaVoz: este teléfono no tiene reportes. Escriba qué pasa y su comunidad, ej. 101 sin agua.")
    String noReports();

    @Message("AguaVoz: ya no recibira mensajes. Para volver envie ALTA.")
    String optedOut();

    @Message("AguaVoz: de nuevo recibira mensajes. Envie AYUDA para ver qué puede hacer.")
    String optedIn();

    @Message("AguaVoz: no recibimos texto. Escriba qué pasa y su comunidad, ej. 101 sin agua.")
    String empty();

    @Message("AguaVoz: para una queja anonima escriba ANONIMO y su queja. Solo el organismo municipal vera su numero.")
    String anonymousHowTo();

    @Message("AguaVoz: este servicio es solo para telefonos locales. Su mensaje fue guardado.")
    String foreignNumber();

    @Message("AguaVoz: recibimos muchos mensajes de este teléfono. Los guardamos todos; el organismo los revisara.")
    String flood();

    @Message("AguaVoz: recibimos su mensaje. En breve le enviamos su numero de reporte.")
    String receivedWillAnswer();

    /** To committee members; the quoted text is the reporter's own and may need UCS-2. */
    @Message("AguaVoz {reference} {category} {community}: \"{text}\". Responda OK {reference} / LISTO {reference}")
    String committeeNotice(String reference, String category, String community, String text);

    /** More people reported a problem the committee was told of: at most one of these every two hours. */
    @Message("AguaVoz {reference} {category} {community}: {count} reportes mas. Responda OK {reference} / LISTO {reference}")
    String committeeIncidentUpdate(String reference, String category, String community, int count);

    @Message("AguaVoz {reference} {category} {community}: {count} reportes mas. Vea el reporte en el panel.")
    String agencyIncidentUpdate(String reference, String category, String community, int count);

    @Message("SIN AGUA")
    String categoryOutage();

    @Message("AGUA SUCIA")
    String categoryQuality();

    @Message("FUGA")
    String categoryLeak();

    @Message("COBRO")
    String categoryBilling();

    @Message("CORRUPCION")
    String categoryIntegrity();

    @Message("OTRO")
    String categoryOther();

    @Message("abierto, el comité aun no responde")
    String statusOpen();

    @Message("el comité ya lo vio")
    String statusAcknowledged();

    @Message("en proceso")
    String statusInProgress();

    @Message("resuelto")
    String statusResolved();

    @Message("cerrado")
    String statusClosed();

    // --- To committee members answering by SMS ---------------------------------------------------------------

    @Message("AguaVoz: reporte {reference} marcado como visto. Envie NOTA {reference} y su avance, o LISTO {reference} al resolver.")
    String memberAcknowledged(String reference);

    @Message("AguaVoz: su nota del reporte {reference} fue enviada al reportante.")
    String memberNoted(String reference);

    @Message("AguaVoz: su nota del reporte {reference} fue enviada a {count} personas que lo reportaron.")
    String memberNotedMany(String reference, int count);

    @Message("AguaVoz: reporte {reference} resuelto. Preguntamos al reportante si ya quedo.")
    String memberResolved(String reference);

    @Message("AguaVoz: reporte {reference} resuelto. Preguntamos a las {count} personas que lo reportaron si ya quedo.")
    String memberResolvedMany(String reference, int count);

    @Message("AguaVoz: reporte {reference} resuelto. No hay a quien preguntar si ya quedo.")
    String memberResolvedNobodyToAsk(String reference);

    @Message("AguaVoz: su nota del reporte {reference} quedo guardada. No hay a quien enviarla.")
    String memberNoteKept(String reference);

    @Message("AguaVoz: el reporte {reference} no es de su comité. No se cambio nada.")
    String memberNotYours(String reference);

    @Message("AguaVoz: tiene varios reportes abiertos: {references}. Incluya el numero, ej. OK {first}")
    String memberWhichTicket(String references, String first);

    @Message("AguaVoz: su comité no tiene reportes abiertos.")
    String memberNoOpenTickets();

    @Message("AguaVoz: reportes abiertos: {references}")
    String memberPending(String references);

    @Message("AguaVoz: el reporte {reference} esta {status}; no se cambio nada.")
    String memberRefused(String reference, String status);

    @Message("AguaVoz comité: OK 4821 si ya lo vio, NOTA 4821 y su avance, LISTO 4821 al resolver, PENDIENTES para la lista.")
    String memberHelp();

    // --- To the reporter, about their ticket -------------------------------------------------------------------

    @Message("AguaVoz: el comité de {community} ya vio su reporte {reference}.")
    String reporterAcknowledged(String reference, String community);

    /** The member's own words, relayed as written (they may need UCS-2). */
    @Message("AguaVoz {reference}, el comité dice: \"{text}\"")
    String reporterNote(String reference, String text);


    /** Agency staff's own words from the dashboard, relayed as written (they may need UCS-2). */
    @Message("AguaVoz {reference}, el organismo municipal dice: \"{text}\"")
    String reporterAgencyNote(String reference, String text);

    @Message("AguaVoz: el comité dice que resolvio su reporte {reference}. ¿Ya tiene agua? Responda SI o NO")
    String askConfirmationOutage(String reference);

    @Message("AguaVoz: el comité dice que resolvio su reporte {reference}. ¿El agua ya sale limpia? Responda SI o NO")
    String askConfirmationQuality(String reference);

    @Message("AguaVoz: el comité dice que resolvio su reporte {reference}. ¿Ya no hay fuga? Responda SI o NO")
    String askConfirmationLeak(String reference);

    @Message("AguaVoz: el comité dice que resolvio su reporte {reference}. ¿Quedo resuelto? Responda SI o NO")
    String askConfirmationOther(String reference);

    // The same questions when the agency resolved the report (integrity complaints, or staff acting): the reporter
    // is never told that the committee did something it did not.
    @Message("AguaVoz: el organismo municipal dice que resolvio su reporte {reference}. ¿Ya tiene agua? Responda SI o NO")
    String askConfirmationOutageByAgency(String reference);

    @Message("AguaVoz: el organismo municipal dice que resolvio su reporte {reference}. ¿El agua ya sale limpia? Responda SI o NO")
    String askConfirmationQualityByAgency(String reference);

    @Message("AguaVoz: el organismo municipal dice que resolvio su reporte {reference}. ¿Ya no hay fuga? Responda SI o NO")
    String askConfirmationLeakByAgency(String reference);

    @Message("AguaVoz: el organismo municipal dice que resolvio su reporte {reference}. ¿Quedo resuelto? Responda SI o NO")
    String askConfirmationOtherByAgency(String reference);

    @Message("AguaVoz: gracias por confirmar. Reporte {reference} cerrado.")
    String confirmedThanks(String reference);

    @Message("AguaVoz: reporte {reference} abierto de nuevo. Avisamos al comité y al organismo municipal.")
    String reopenedByReporter(String reference);

    @Message("AguaVoz: reporte {reference} abierto de nuevo. Avisamos al organismo municipal.")
    String reopenedByReporterToAgency(String reference);

    @Message("AguaVoz {reference} {community}: el reportante dice que NO quedo resuelto. Responda OK {reference}")
    String committeeReopened(String reference, String community);

    @Message("AguaVoz: ¿cual reporte? Responda SI o NO con el numero, ej. SI {first}. Reportes: {references}")
    String whichConfirmation(String references, String first);

    /** To agency staff on duty; the quoted text is the reporter's own. */
    @Message("AguaVoz {reference} {category} {community}: \"{text}\". Vea el reporte en el panel del organismo.")
    String agencyNotice(String reference, String category, String community, String text);

    @Message("AguaVoz {reference} {community}: el reportante dice que NO quedo resuelto. Vea el reporte en el panel.")
    String agencyEscalation(String reference, String community);

    // --- Deadlines: reminders to whoever must act, escalations to the agency's on-duty staff ---------------------

    @Message("AguaVoz {reference} {category} {community}: nadie ha confirmado este reporte. Responda OK {reference} si ya lo atienden.")
    String reminderAcknowledge(String reference, String category, String community);

    @Message("AguaVoz {reference} {community}: ya paso la mitad del plazo para resolver. Envie NOTA {reference} y su avance, o LISTO {reference}.")
    String reminderHalfway(String reference, String community);

    @Message("AguaVoz {reference} {community}: se vencio el plazo para resolver; avisamos al organismo municipal. Envie LISTO {reference} al terminar.")
    String reminderResolveMissed(String reference, String community);

    @Message("AguaVoz ATRASADO {reference} {category} {community}: nadie lo confirmo a tiempo. Vea el reporte en el panel.")
    String escalationNotAcknowledged(String reference, String category, String community);

    @Message("AguaVoz ATRASADO {reference} {category} {community}: sigue sin resolver en el plazo. Vea el reporte en el panel.")
    String escalationNotResolved(String reference, String category, String community);

    // --- Community notices ------------------------------------------------------------------------------------

    /**
     * The notice itself, to every phone of the community; {text} is the author's words in their GSM-7 spelling, and
     * the whole SMS must fit one segment (SendCommunityNotice refuses a longer text before anything is queued).
     */
    @Message("AguaVoz {community}, aviso: {text}")
    String communityNotice(String community, String text);

    /** A report that came while a committee's notice of its category is active: the reply carries the notice. */
    @Message("AguaVoz: reporte {reference} recibido. Aviso del comité: {text}.")
    String receivedCommitteeNotice(String reference, String text);

    @Message("AguaVoz: reporte {reference} recibido. Aviso del organismo municipal: {text}.")
    String receivedAgencyNotice(String reference, String text);

    @Message("AguaVoz: su aviso se enviara a {count} telefonos de {community}.")
    String memberNoticeSent(int count, String community);

    @Message("AguaVoz: su comité ya envio un aviso hoy; se permite uno al dia. No se envio nada.")
    String memberNoticeOnePerDay();

    @Message("AguaVoz: el aviso es muy largo y no se envio. Escriba hasta {max} caracteres despues de AVISO.")
    String memberNoticeTooLong(int max);

    @Message("AguaVoz: para avisar a toda la comunidad escriba AVISO y el mensaje, ej. AVISO sin agua hasta el jueves, se cambia la bomba")
    String memberNoticeHowTo();

    @Message("AguaVoz: usted esta en varios comités. Escriba AVISO, el numero de la comunidad y el aviso, ej. AVISO {code} sin agua hasta el jueves")
    String memberNoticeWhichCommunity(String code);

    /** To the agency's on-duty staff; the quoted text is the member's own. */
    @Message("AguaVoz: el comité de {community} envio un aviso a {count} telefonos: \"{text}\"")
    String agencyMemberNotice(String community, int count, String text);

    // --- Voice calls --------------------------------------------------------------------------------------------

    /** To a caller whose call ended without a report (keys missing or wrong three times). */
    @Message("AguaVoz: no pudimos tomar su reporte por telefono. Envie un SMS a este numero con su comunidad y que pasa, ej. 101 sin agua")
    String voiceTextInstead();

    /** What committee and agency notices quote for a report made by phone (there are no written words). */
    @Message("(reporte por llamada, con grabacion)")
    String voiceReportQuote();
}
