package org.aguavoz.dashboard;

import java.util.List;

import io.quarkus.qute.TemplateData;

/** What the dashboard's templates show: plain values, worded and formatted in Java, escaped by Qute. */
final class DashboardViews {

    private DashboardViews() {
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
