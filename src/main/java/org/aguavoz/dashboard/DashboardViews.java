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

    @TemplateData
    record Row(String reference, String community, String category, String status, String opened, String due,
            boolean late) {
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

    @TemplateData
    record TicketDetails(String reference, String community, String category, String status, String reporter,
            String description, String acknowledgeDue, String resolveDue, boolean late, String lateText,
            boolean hasRecording, List<Entry> timeline, boolean canAct, boolean canAcknowledge, boolean canNote,
            boolean canResolve, boolean canClose, boolean canReopen, boolean refused, String mergedInto) {
    }
}
