package org.aguavoz.figures;

import java.time.Instant;
import java.util.List;

/** The figures of every community for tickets that arrived after {@code from} and up to {@code to}. */
record Figures(Period period, Instant from, Instant to, List<CommunityFigures> communities) {
}
