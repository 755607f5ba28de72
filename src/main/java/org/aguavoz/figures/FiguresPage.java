package org.aguavoz.figures;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.qute.TemplateData;
import org.aguavoz.dashboard.Labels;
import org.aguavoz.dashboard.UiTexts;
import org.aguavoz.tickets.Category;

/**
 * What the public page shows, worded and measured in Java so the template only writes escaped text and numbers.
 * Bars are SVG rectangles in a 0–1000 wide view box that the stylesheet stretches to the column: the geometry is
 * server-side, the page needs no JavaScript, and the Content-Security-Policy (no inline styles) holds.
 */
final class FiguresPage {

    static final int WIDTH = 1000;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    @TemplateData
    record Choice(int days, boolean current) {
    }

    /**
     * {@code width} is the share resolved in time; the grey track behind it is the whole. Not {@code measured}: no
     * bar at all, since an empty track would read as 0 % where there is nothing to judge yet.
     */
    @TemplateData
    record OnTimeBar(String community, boolean measured, int width, String value) {
    }

    @TemplateData
    record Segment(String category, String label, long count, int x, int width) {
    }

    @TemplateData
    record CategoryBar(String community, long total, List<Segment> segments) {
    }

    @TemplateData
    record Legend(String category, String label) {
    }

    @TemplateData
    record Row(String code, String name, long reports, long incidents, List<Long> byCategory, String inTime,
            long late, String medianAcknowledge, String medianResolve) {
    }

    @TemplateData
    record View(int days, List<Choice> choices, String from, String to, String computedAt, List<Legend> legend,
            List<OnTimeBar> onTime, List<CategoryBar> byCategory, List<Row> rows) {
    }

    private FiguresPage() {
    }

    static View of(Figures figures, ZoneId zone, UiTexts ui, FiguresTexts texts) {
        List<Choice> choices = List.of(30, 90, 365).stream()
                .map(days -> new Choice(days, days == figures.period().days())).toList();
        List<Legend> legend = List.of(Category.values()).stream()
                .map(category -> new Legend(category.apiName(), Labels.category(category, ui))).toList();
        long most = figures.communities().stream().mapToLong(CommunityFigures::reports).max().orElse(0);
        List<OnTimeBar> onTime = new ArrayList<>();
        List<CategoryBar> byCategory = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (CommunityFigures community : figures.communities()) {
            String name = community.code() + " " + community.name();
            onTime.add(onTimeBar(name, community, texts));
            byCategory.add(new CategoryBar(name, community.reports(), segments(community, most, ui)));
            rows.add(row(community, texts));
        }
        return new View(figures.period().days(), choices, DAY.format(figures.from().atZone(zone)),
                DAY.format(figures.to().atZone(zone)), WHEN.format(figures.to().atZone(zone)), legend, onTime,
                byCategory, rows);
    }

    private static OnTimeBar onTimeBar(String name, CommunityFigures community, FiguresTexts texts) {
        Integer percent = community.resolvedInTimePercent();
        if (percent == null) {
            return new OnTimeBar(name, false, 0, texts.nothingDue());
        }
        int width = (int) Math.round((double) WIDTH * community.resolvedInTime() / community.dueOrResolved());
        return new OnTimeBar(name, true, width,
                texts.onTimeValue(percent, community.resolvedInTime(), community.dueOrResolved()));
    }

    /**
     * One scale for every community (the busiest fills the width), so bar lengths compare across rows. Edges are
     * rounded from running totals, not per segment, so segments never leave a gap or overlap.
     */
    private static List<Segment> segments(CommunityFigures community, long most, UiTexts ui) {
        List<Segment> segments = new ArrayList<>();
        long before = 0;
        for (Category category : Category.values()) {
            long count = community.reportsByCategory().get(category);
            if (count == 0) {
                continue;
            }
            int x = (int) Math.round((double) WIDTH * before / most);
            before += count;
            int end = (int) Math.round((double) WIDTH * before / most);
            segments.add(new Segment(category.apiName(), Labels.category(category, ui), count, x, end - x));
        }
        return segments;
    }

    private static Row row(CommunityFigures community, FiguresTexts texts) {
        List<Long> byCategory = List.of(Category.values()).stream()
                .map(category -> community.reportsByCategory().get(category)).toList();
        Integer percent = community.resolvedInTimePercent();
        String inTime = percent == null ? texts.noData()
                : texts.onTimeValue(percent, community.resolvedInTime(), community.dueOrResolved());
        return new Row(community.code(), community.name(), community.reports(), community.incidents(), byCategory,
                inTime, community.late(), hours(community.medianHoursToAcknowledge(), texts),
                hours(community.medianHoursToResolve(), texts));
    }

    private static String hours(BigDecimal hours, FiguresTexts texts) {
        return hours == null ? texts.noData() : hours.toPlainString();
    }
}
