package org.aguavoz.dashboard;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.aguavoz.tickets.Incident;
import org.aguavoz.tickets.Ticket;
import org.aguavoz.tickets.Visibility;

/**
 * The reports of a ticket's incident as its page lists them. Each line is what the reporter's own ticket page would
 * show of their words, cut short, and never their number: the list is read by roles that may not know who reported.
 */
final class IncidentReports {

    /** Characters of a report shown in the list: about one line on a phone. */
    private static final int WORDS = 60;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private IncidentReports() {
    }

    /** Null when the ticket stands alone or is its incident's only report: there is nothing to list. */
    static DashboardViews.Incident of(Ticket ticket, Visibility visibility, ZoneId zone, UiTexts ui) {
        Incident incident = ticket.incident;
        if (incident == null) {
            return null;
        }
        List<Ticket> reports = incident.reports();
        if (reports.size() < 2) {
            return null;
        }
        return new DashboardViews.Incident(incident.reference, reports.size(), reports.stream()
                .map(report -> new DashboardViews.Report(report.reference, Labels.status(report.status, ui),
                        WHEN.format(report.createdAt.atZone(zone)), words(report, visibility, ui),
                        report.id.equals(ticket.id)))
                .toList());
    }

    private static String words(Ticket report, Visibility visibility, UiTexts ui) {
        if (report.description == null) {
            return "";
        }
        return visibility.description(report).map(IncidentReports::start).orElse(ui.hiddenWords());
    }

    /** The first words, cut at a space when there is one not too far back. */
    private static String start(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        if (flat.length() <= WORDS) {
            return flat;
        }
        int space = flat.lastIndexOf(' ', WORDS);
        int cut = space > WORDS / 2 ? space : WORDS;
        if (Character.isHighSurrogate(flat.charAt(cut - 1))) {
            cut--; // half an emoji is not a character
        }
        return flat.substring(0, cut) + "…";
    }
}
