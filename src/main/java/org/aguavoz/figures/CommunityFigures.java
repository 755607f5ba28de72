package org.aguavoz.figures;

import java.math.BigDecimal;
import java.util.Map;

import org.aguavoz.tickets.Category;

/**
 * One community's figures over a period: counts and medians only, never a ticket, a name of a person or a phone.
 * Reports are counted one by one; the rest per incident (a report that stands alone is an incident of one report),
 * see {@link ComputeFigures}.
 *
 * @param incidents the problems the reports were about: thirty reports of one broken pump are one
 * @param dueOrResolved incidents whose resolve deadline has passed or that are resolved: the ones on which the
 *         committee can already be judged (one still within its deadline is neither on time nor late yet)
 * @param late incidents unfinished and late now (tickets' one rule of lateness)
 * @param medianHoursToAcknowledge null when no incident was acknowledged or resolved
 * @param medianHoursToResolve null when no incident was resolved
 */
record CommunityFigures(String code, String name, long reports, Map<Category, Long> reportsByCategory,
        long incidents, long dueOrResolved, long resolvedInTime, long late, BigDecimal medianHoursToAcknowledge,
        BigDecimal medianHoursToResolve) {

    /** Whole percent, half up; null when nothing can be judged yet (0 of 0 is no information, not 0 %). */
    Integer resolvedInTimePercent() {
        if (dueOrResolved == 0) {
            return null;
        }
        return (int) Math.round(100.0 * resolvedInTime / dueOrResolved);
    }
}
