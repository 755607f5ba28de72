package org.aguavoz.figures;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every word of the public figures page. Spanish here, English in messages/figures_en.properties. Written for
 * villagers and journalists, not for staff: plain words, no jargon such as "median" without saying what it means.
 */
@MessageBundle(value = "figures", locale = "es")
public interface FiguresTexts {

    @Message("Cifras públicas")
    String title();

    @Message("Cifras públicas de los comités de agua")
    String heading();

    @Message("Cuántos reportes recibe cada comunidad, de cuántos problemas, y qué tan rápido responde su comité de "
            + "agua. Publicado por {agency}.")
    String intro(String agency);

    @Message("Sin datos personales: solo conteos y tiempos por comunidad, nunca nombres ni números de teléfono.")
    String noPersonalData();

    @Message("Periodo")
    String period();

    @Message("últimos {days} días")
    String lastDays(int days);

    @Message("Reportes recibidos del {from} al {to}.")
    String range(String from, String to);

    @Message("Resueltos dentro del plazo")
    String onTimeTitle();

    @Message("De los problemas cuyo plazo para resolver ya venció o que ya se resolvieron: cuántos se "
            + "resolvieron a tiempo. Un problema que muchos reportaron cuenta una vez.")
    String onTimeHelp();

    @Message("{percent} % ({inTime} de {due})")
    String onTimeValue(int percent, long inTime, long due);

    @Message("todavía nada que medir")
    String nothingDue();

    @Message("Reportes por categoría")
    String byCategoryTitle();

    @Message("La barra más larga es la de la comunidad con más reportes.")
    String byCategoryHelp();

    @Message("Todas las cifras")
    String tableTitle();

    @Message("Reportes")
    String reports();

    @Message("Problemas")
    String incidents();

    @Message("A tiempo")
    String inTime();

    @Message("Atrasados ahora")
    String lateNow();

    @Message("Tiempo típico hasta que el comité respondió (horas)")
    String medianAcknowledge();

    @Message("Tiempo típico hasta resolver (horas)")
    String medianResolve();

    @Message("Cómo se calcula")
    String howTitle();

    @Message("Cuentan los reportes que llegaron en el periodo, por SMS o por teléfono, en cada comunidad.")
    String howPeriod();

    @Message("Un problema es lo que el comité atiende: cuando muchas personas reportan lo mismo al mismo tiempo "
            + "(treinta vecinos sin agua por una bomba descompuesta), son treinta reportes y un solo problema. "
            + "Un reporte solo es un problema de un reporte. Un problema cuenta en el periodo de su primer "
            + "reporte. Los plazos y los tiempos se miden por problema: el comité respondió y lo arregló una vez.")
    String howIncidents();

    @Message("Cada categoría tiene su plazo para resolver, fijado por el organismo (el agua sucia es la "
            + "más urgente), que se cuenta desde el primer reporte del problema. Un problema que todavía está "
            + "dentro de su plazo no cuenta ni a favor ni en contra.")
    String howOnTime();

    @Message("Atrasados ahora: problemas sin resolver que ya pasaron su plazo para responder o para resolver, "
            + "o que ya se escalaron al organismo.")
    String howLate();

    @Message("El tiempo típico es la mediana: la mitad de los problemas se atendió en menos tiempo y la "
            + "otra mitad tardó más. Se cuenta desde que llegó su primer reporte; responder es el primer OK, "
            + "NOTA o LISTO del comité.")
    String howMedian();

    @Message("Las quejas de corrupción las atiende el organismo y no el comité, pero se cuentan en su comunidad.")
    String howIntegrity();

    @Message("Descargar los datos")
    String download();

    @Message("CSV (hoja de cálculo)")
    String csv();

    @Message("JSON (para programas)")
    String json();

    @Message("Calculado el {when}.")
    String computedAt(String when);

    @Message("sin datos")
    String noData();

    /** The link to the other language, written in that language so a reader who needs it can recognise it. */
    @Message("English")
    String otherLanguage();

    @Message("en")
    String otherLanguageCode();
}
