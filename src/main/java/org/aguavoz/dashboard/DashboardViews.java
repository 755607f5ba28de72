package org.aguavoz.dashboard;

import java.util.List;

import io.quarkus.qute.TemplateData;

/** What the ticket pages show: plain values, worded and formatted in Java, escaped by Qute. */
final class DashboardViews {

    private DashboardViews() {
    }

    /** The open-tickets page: one page of rows, the filters as chosen, and the links to the pages around it. */
    @TemplateData
    record OpenTickets(List<Row> rows, List<Count> counts, List<Option> statuses, List<Option> categories,
            String community, boolean onlyLate, int previousPage, int nextPage, String query, Sms sms) {
    }

    /** The outbox as staff need it: SMS still to go (and since when), and tickets whose SMS failed today. */
    @TemplateData
    record Sms(long waiting, long oldestMinutes, long failed, List<String> failedTickets) {
    }

    /** {@code reference}: the incident's (its first report's) or the lone report's; {@code reports}: 1 when alone. */
    @TemplateData
    record Row(String reference, long reports, String community, String category, String status, String opened,
            String due, boolean late) {
    }

    @TemplateData
    record Count(String status, long count) {
    }

    @TemplateData
    record Option(String value, String label, boolean selected) {
    }

    @TemplateData
    record Entry(String at, String what, String who, String text, String detail) {
    }

    /**
     * {@code refused}: why the last action was refused, in the page's words, or empty; {@code incident}: null unless
     * other reports share this one's incident; {@code canSplit}: staff, and this is not the incident's first report.
     */
    @TemplateData
    record TicketDetails(String reference, String community, String category, String status, String reporter,
            String description, String acknowledgeDue, String resolveDue, boolean late, String lateText,
            boolean hasRecording, List<Entry> timeline, boolean canAct, boolean canAcknowledge, boolean canNote,
            boolean canResolve, boolean canClose, boolean canReopen, boolean canSplit, String refused,
            String mergedInto, Incident incident) {
    }

    /** The incident a report belongs to, as its reports' pages show it: every report, the first first. */
    @TemplateData
    record Incident(String reference, long count, List<Report> reports) {
    }

    /** {@code words}: the start of what the reporter said, or the page's word for hidden; never a number. */
    @TemplateData
    record Report(String reference, String status, String created, String words, boolean current) {
    }
}
