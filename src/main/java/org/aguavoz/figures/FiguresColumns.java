package org.aguavoz.figures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.aguavoz.tickets.Category;

/**
 * The published columns, in order: one list for both the CSV header and the JSON field names, so the two can never
 * drift apart. Journalists and researchers write scripts against these names: rename nothing, only add at the end
 * (README, "Public figures").
 */
final class FiguresColumns {

    record Column(String name, Function<CommunityFigures, Object> value) {
    }

    static final List<Column> ALL = columns();

    private FiguresColumns() {
    }

    private static List<Column> columns() {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("community_code", CommunityFigures::code));
        columns.add(new Column("community_name", CommunityFigures::name));
        columns.add(new Column("reports", CommunityFigures::reports));
        for (Category category : Category.values()) {
            columns.add(new Column("reports_" + category.apiName(), f -> f.reportsByCategory().get(category)));
        }
        columns.add(new Column("due_or_resolved", CommunityFigures::dueOrResolved));
        columns.add(new Column("resolved_in_time", CommunityFigures::resolvedInTime));
        columns.add(new Column("resolved_in_time_percent", CommunityFigures::resolvedInTimePercent));
        columns.add(new Column("median_hours_to_acknowledge", CommunityFigures::medianHoursToAcknowledge));
        columns.add(new Column("median_hours_to_resolve", CommunityFigures::medianHoursToResolve));
        // Added with incidents; the deadline columns above count incidents since then (README, "Public figures").
        columns.add(new Column("incidents", CommunityFigures::incidents));
        columns.add(new Column("incidents_late", CommunityFigures::late));
        return List.copyOf(columns);
    }

    static List<String> names() {
        return ALL.stream().map(Column::name).toList();
    }

    /** One community as JSON fields; null stays null (no data is not zero). */
    static Map<String, Object> asFields(CommunityFigures figures) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Column column : ALL) {
            fields.put(column.name(), column.value().apply(figures));
        }
        return fields;
    }

    /** One community as CSV cells: no data is an empty cell; numbers in their plain form (1.5, never 1,5). */
    static List<String> asCells(CommunityFigures figures) {
        List<String> cells = new ArrayList<>(ALL.size());
        for (Column column : ALL) {
            Object value = column.value().apply(figures);
            cells.add(value == null ? "" : value instanceof java.math.BigDecimal decimal
                    ? decimal.toPlainString() : neutralised(value.toString()));
        }
        return cells;
    }

    /** A community name typed as "=HYPERLINK(…)" must not turn into a formula when a spreadsheet opens the CSV. */
    private static String neutralised(String text) {
        return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
