package org.aguavoz.figures;

import java.math.BigDecimal;
import java.util.Map;

import org.aguavoz.tickets.Category;

/**
 * One community's figures over a period: counts and medians only, never a ticket, a name of a person or a phone.
 *
 * @param dueOrResolved tickets whose resolve deadline has passed or that are resolved: the ones on which the
 *         committee can already be judged (a ticket still within its deadline is neither on time nor late yet)
 * @param medianHoursToAcknowledge null when no ticket was acknowledged or resolved
 * @param medianHoursToResolve null when no ticket was resolved
 */
record CommunityFigures(String code, String name, long reports, Map<Category, Long> reportsByCategory,
        long dueOrResolved, long resolvedInTime, BigDecimal medianHoursToAcknowledge,
        BigDecimal medianHoursToResolve) {

    /** Whole percent, half up; null when nothing can be judged yet (0 of 0 is no information, not 0 %). */
    Integer resolvedInTimePercent() {
        if (dueOrResolved == 0) {
            return null;
        }
        return (int) Math.round(100.0 * resolvedInTime / dueOrResolved);
    }
}
