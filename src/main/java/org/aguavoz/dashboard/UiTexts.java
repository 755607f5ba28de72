package org.aguavoz.dashboard;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Every word of the dashboard. Spanish here, English in messages/ui_en.properties. */
@MessageBundle(value = "ui", locale = "es")
public interface UiTexts {

    @Message("Entrar")
    String login();

    @Message("Usuario")
    String username();

    @Message("Contraseña")
    String password();

    @Message("Usuario o contraseña incorrectos.")
    String loginFailed();

    // After wrong passwords this device waits 1 s, 2 s, 4 s... (at most a minute); the account is never locked.
    @Message("Demasiados intentos fallidos desde este equipo. Vuelva a intentarlo en {seconds} s.")
    String loginDelayed(long seconds);

    @Message("Salir")
    String logout();

    @Message("Reportes abiertos")
    String openTickets();

    @Message("Reporte")
    String ticket();

    @Message("Comunidad")
    String community();

    @Message("Categoría")
    String category();

    @Message("Estado")
    String status();

    @Message("Abierto el")
    String opened();

    @Message("Plazo")
    String due();

    @Message("Solo atrasados")
    String onlyLate();

    @Message("Todas")
    String all();

    @Message("Filtrar")
    String filter();

    @Message("Buscar número")
    String searchReference();

    @Message("Ir")
    String go();

    @Message("{hours} h tarde")
    String hoursLate(long hours);

    @Message("{minutes} min tarde")
    String minutesLate(long minutes);

    @Message("vence en {hours} h")
    String dueInHours(long hours);

    @Message("vence en {minutes} min")
    String dueInMinutes(long minutes);

    @Message("Anterior")
    String previous();

    @Message("Siguiente")
    String next();

    @Message("No hay reportes con estos filtros.")
    String noTickets();

    @Message("SMS por enviar: {count}")
    String smsWaiting(long count);

    @Message("el más antiguo espera desde hace {minutes} min")
    String smsOldest(long minutes);

    @Message("SMS que no llegaron en las últimas 24 h: {count}")
    String smsFailed(long count);

    @Message("Reportante")
    String reporter();

    @Message("número oculto")
    String hiddenNumber();

    /** Instead of a reporter's words that this user may not read. */
    @Message("(oculto)")
    String hiddenWords();

    @Message("Lo que dijo")
    String description();

    @Message("Historia")
    String timeline();

    @Message("Confirmar antes del")
    String acknowledgeDue();

    @Message("Resolver antes del")
    String resolveDue();

    @Message("ATRASADO")
    String late();

    @Message("Marcar como visto")
    String acknowledge();

    @Message("Agregar nota")
    String addNote();

    @Message("Enviar la nota al reportante por SMS")
    String sendToReporter();

    @Message("Resolver")
    String resolve();

    @Message("Cerrar")
    String close();

    @Message("Reabrir")
    String reopen();

    @Message("Nota (opcional)")
    String optionalNote();

    @Message("Esa acción no es posible en el estado actual del reporte.")
    String refused();

    @Message("SMS recibido")
    String smsIn();

    @Message("SMS enviado a {to}")
    String smsOut(String to);

    @Message("Grabación de la llamada")
    String recording();

    @Message("abierto")
    String statusOpen();

    @Message("visto")
    String statusAcknowledged();

    @Message("en atención")
    String statusInProgress();

    @Message("resuelto")
    String statusResolved();

    @Message("cerrado")
    String statusClosed();

    @Message("sin agua")
    String categoryOutage();

    @Message("agua sucia")
    String categoryQuality();

    @Message("fuga")
    String categoryLeak();

    @Message("cobro")
    String categoryBilling();

    @Message("corrupción")
    String categoryIntegrity();

    @Message("otro")
    String categoryOther();

    @Message("Simulador de teléfono")
    String simulator();

    @Message("Teléfono")
    String phone();

    @Message("Mensaje")
    String messageText();

    @Message("Enviar SMS")
    String sendSms();

    @Message("Conversación de {phone}")
    String conversationOf(String phone);

    @Message("SMS a otros teléfonos por sus reportes")
    String otherPhones();

    @Message("Comunidades")
    String communities();

    @Message("Código")
    String code();

    @Message("Nombre")
    String name();

    @Message("Otras formas de escribirlo (separadas por |)")
    String aliases();

    @Message("Integrantes del comité")
    String members();

    @Message("Crear comunidad")
    String createCommunity();

    @Message("Importar desde CSV")
    String importCsv();

    @Message("Archivo CSV (columnas: codigo, comunidad, alias, nombre, telefono, cargo)")
    String csvFile();

    @Message("Revisar")
    String preview();

    @Message("Importar {count} filas")
    String importRows(int count);

    @Message("Nada se guardó: corrija las filas marcadas y vuelva a subir el archivo.")
    String importHasErrors();

    @Message("Se importaron {count} filas.")
    String imported(int count);

    @Message("Línea")
    String line();

    @Message("Resultado")
    String outcome();

    @Message("comunidad nueva")
    String importNewCommunity();

    @Message("integrante nuevo")
    String importNewMember();

    @Message("ya está registrado")
    String importAlreadyThere();

    @Message("el código debe tener de 1 a 6 dígitos")
    String importBadCode();

    @Message("falta el nombre de la comunidad nueva")
    String importNoCommunityName();

    @Message("el código {code} ya se usó arriba con el nombre {name}")
    String importNameDiffers(String code, String name);

    @Message("teléfono no válido: {phone}")
    String importBadPhone(String phone);

    @Message("el teléfono está dos veces en este comité")
    String importPhoneTwice();

    @Message("cargo desconocido: {role} (presidente, secretario, tesorero, fontanero, vocal)")
    String importBadRole(String role);

    @Message("hace falta nombre y teléfono del integrante")
    String importIncompleteMember();

    @Message("\"{alias}\" ya nombra a la comunidad {code}")
    String importAliasTaken(String alias, String code);

    @Message("el nombre de la comunidad debe ser una sola línea de hasta {max} caracteres")
    String importBadCommunityName(int max);

    @Message("cada variante debe ser una sola línea de hasta {max} caracteres")
    String importBadAlias(int max);

    @Message("faltan columnas: {columns}")
    String importMissingColumns(String columns);

    @Message("el archivo está vacío o no es CSV")
    String importEmpty();

    @Message("Cargo")
    String role();

    @Message("Desde")
    String since();

    @Message("Hasta")
    String until();

    @Message("Terminar")
    String endMembership();

    @Message("Agregar integrante")
    String addMember();

    @Message("Pasar a otra comunidad")
    String reassign();

    /** The merge form: {@code into} names any report of the incident this one (and its incident) joins. */
    @Message("Unir al incidente del reporte")
    String mergeInto();

    @Message("Unir")
    String merge();

    @Message("Separar del incidente")
    String split();

    // Shown only for two reports or more: an incident of one is not mentioned.
    @Message("Incidente {reference} · {count} reportes")
    String incidentOf(String reference, long count);

    @Message("{count} reportes")
    String reportCount(long count);

    @Message("Este es el primer reporte del incidente y no se puede separar: el comité conoce el incidente por este número. Separe los otros reportes.")
    String refusedSplitFirst();

    @Message("Este reporte no es parte de un incidente: no hay nada de qué separarlo.")
    String refusedSplitAlone();

    @Message("No se pudo unir: escriba el número de un reporte de la misma comunidad, de otro incidente que siga abierto. Las denuncias de corrupción no se unen.")
    String refusedMerge();

    @Message("Guardar")
    String save();

    @Message("Ese código ya existe o no es válido: de 1 a 6 dígitos, el del cartel.")
    String problemCode();

    @Message("El nombre debe tener de 1 a 120 caracteres.")
    String problemName();

    @Message("El nombre de la comunidad debe ser una sola línea de hasta {max} caracteres.")
    String problemCommunityName(int max);

    @Message("Una de las otras formas de escribirlo no tiene letras, pasa de una línea o de {max} caracteres, o ya nombra a otra comunidad.")
    String problemAliases(int max);

    @Message("Ese teléfono no es válido.")
    String problemPhone();

    @Message("Ese teléfono ya es de un integrante actual de este comité.")
    String problemMember();

    // --- Notices to a whole community (the community page) ----------------------------------------------------

    @Message("Avisos a la comunidad")
    String notices();

    @Message("Un SMS a cada teléfono que reportó desde esta comunidad en los últimos 12 meses y a los integrantes del comité, una sola vez, nunca en horas de silencio. Mientras vale, los reportes de su categoría se suman a su incidente y su respuesta lleva el aviso, sin SMS al comité. Hasta {max} caracteres.")
    String noticeHelp(int max);

    @Message("Aviso")
    String noticeText();

    @Message("Vale hasta")
    String noticeUntil();

    @Message("ninguna")
    String noticeNoCategory();

    @Message("Enviar aviso")
    String sendNotice();

    @Message("Enviado el")
    String noticeSentAt();

    @Message("De")
    String noticeFrom();

    @Message("vigente")
    String noticeActive();

    @Message("Incidente")
    String noticeIncident();

    @Message("En espera")
    String noticeWaiting();

    @Message("Enviados")
    String noticeSent();

    @Message("Entregados")
    String noticeDelivered();

    @Message("Fallidos")
    String noticeFailed();

    @Message("No enviados")
    String noticeNotSent();

    @Message("Aún no hay avisos.")
    String noNotices();

    @Message("No se envió: el aviso debe caber en un SMS, de 1 a {max} caracteres.")
    String problemNoticeText(int max);

    @Message("No se envió: indique hasta cuándo vale el aviso, una fecha y hora futura y a lo más en {days} días.")
    String problemNoticeUntil(long days);

    @Message("No se envió: elija una categoría de la lista.")
    String problemNoticeCategory();

    @Message("Ajustes")
    String settings();

    @Message("Plazos por categoría (horas)")
    String deadlines();

    @Message("Confirmar en")
    String acknowledgeHours();

    @Message("Resolver en")
    String resolveHours();

    @Message("Los cambios de plazo valen para los reportes que se abran (o reabran) desde ahora.")
    String deadlinesNewOnly();

    @Message("Un incidente si llegan en")
    String groupHours();

    @Message("cada reporte por separado")
    String groupAlone();

    @Message("nunca se agrupan")
    String neverGroups();

    @Message("Los reportes de una misma comunidad y categoría que llegan a menos de estas horas del anterior son un "
            + "solo incidente: el comité recibe un aviso, no uno por reporte. Vacío: cada reporte por separado, salvo "
            + "mientras haya un aviso a la comunidad de esa categoría. Vale desde el próximo reporte. Las quejas de "
            + "corrupción nunca se agrupan.")
    String groupHelp();

    @Message("A quién se avisa de un reporte nuevo")
    String routing();

    @Message("al comité")
    String routeCommittee();

    @Message("al organismo")
    String routeAgency();

    @Message("a los dos")
    String routeBoth();

    @Message("Horas de silencio (HH:MM-HH:MM u off)")
    String quietHours();

    @Message("Zona horaria")
    String timeZone();

    @Message("Avisos atrasados de agua sucia al personal de guardia a cualquier hora")
    String qualityOverride();

    @Message("Usuarios del personal")
    String staffUsers();

    @Message("activo")
    String active();

    @Message("Desactivar")
    String deactivate();

    @Message("Agregar usuario")
    String addUser();

    @Message("No se guardó: revise los valores (plazos de 1 a 8760 horas y resolver no antes que confirmar; agrupar de 1 a 8760 horas o vacío; horas como 21:00-07:00; zona como America/Mexico_City; usuario de 2 a 40 letras o números y contraseña de 10 a 72 caracteres).")
    String problemSettings();

    // The timeline's events, actors and SMS delivery states, and the roles, in the page's language (see Labels).

    @Message("abierto")
    String eventOpened();

    @Message("visto")
    String eventAcknowledged();

    @Message("nota")
    String eventNote();

    @Message("resuelto")
    String eventResolved();

    @Message("reabierto")
    String eventReopened();

    @Message("cerrado")
    String eventClosed();

    @Message("pasado a otra comunidad")
    String eventReassigned();

    // Written on both sides of a merge: "→ 4821" on the report that joined, "← 5532" on the one it joined.
    @Message("reportes unidos")
    String eventMerged();

    @Message("se sumó a un incidente")
    String eventJoined();

    @Message("separado del incidente")
    String eventSplit();

    @Message("recordatorio")
    String eventReminded();

    @Message("escalado al organismo")
    String eventEscalated();

    @Message("SMS enviado")
    String eventMessageOut();

    @Message("reportante")
    String actorReporter();

    @Message("integrante del comité")
    String actorCommitteeMember();

    @Message("personal del organismo")
    String actorStaff();

    @Message("sistema")
    String actorSystem();

    @Message("en espera")
    String deliveryPending();

    @Message("enviándose")
    String deliverySending();

    @Message("en cola")
    String deliveryQueued();

    @Message("enviado")
    String deliverySent();

    @Message("entregado")
    String deliveryDelivered();

    @Message("no entregado")
    String deliveryUndelivered();

    @Message("falló")
    String deliveryFailed();

    @Message("no enviado")
    String deliveryNotSent();

    /** A send retried after AguaVoz stopped mid-send (crash, restart): Twilio may have it twice. */
    @Message("{status}; puede haberse enviado dos veces")
    String deliveryMaybeTwice(String status);

    @Message("presidente")
    String memberRolePresident();

    @Message("secretario")
    String memberRoleSecretary();

    @Message("tesorero")
    String memberRoleTreasurer();

    @Message("fontanero")
    String memberRoleOperator();

    @Message("vocal")
    String memberRoleMember();

    @Message("administrador")
    String staffRoleAdmin();

    @Message("personal")
    String staffRoleStaff();

    @Message("solo lectura")
    String staffRoleViewer();
}
