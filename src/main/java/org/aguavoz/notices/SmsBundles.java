package org.aguavoz.notices;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import org.aguavoz.tickets.Category;
import org.aguavoz.tickets.Ticket;
import org.aguavoz.tickets.TicketStatus;

/** The SMS texts in a person's language, for every feature that writes SMS (intake, committees, deadlines). */
public final class SmsBundles {

    private static final Set<String> LANGUAGES = Set.of("es", "en");

    /** Looked up once per language: a CDI lookup for every text of every message is measurable on the webhook. */
    private static final Map<String, SmsTexts> BUNDLES = new ConcurrentHashMap<>();

    private SmsBundles() {
    }

    /** The texts in that language when AguaVoz has them, else in Spanish. */
    public static SmsTexts texts(String language) {
        return BUNDLES.computeIfAbsent(LANGUAGES.contains(language) ? language : "es",
                l -> MessageBundles.get(SmsTexts.class, Localized.Literal.of(l)));
    }

    /** Upper case, as committees read it at a glance: SIN AGUA, AGUA SUCIA… */
    public static String categoryLabel(Category category, SmsTexts texts) {
        return switch (category) {
            case OUTAGE -> texts.categoryOutage();
            case QUALITY -> texts.categoryQuality();
            case LEAK -> texts.categoryLeak();
            case BILLING -> texts.categoryBilling();
            case INTEGRITY -> texts.categoryIntegrity();
            case OTHER -> texts.categoryOther();
        };
    }

    /** As a reporter reads or hears it: abierto, visto, en atención, resuelto, cerrado. */
    public static String statusLabel(TicketStatus status, SmsTexts texts) {
        return switch (status) {
            case OPEN -> texts.statusOpen();
            case ACKNOWLEDGED -> texts.statusAcknowledged();
            case IN_PROGRESS -> texts.statusInProgress();
            case RESOLVED -> texts.statusResolved();
            case CLOSED -> texts.statusClosed();
        };
    }

    /**
     * "Is it fixed?" in the words of the category: water, clean water, the leak, or just solved; saying who resolved
     * it, the committee or the agency.
     */
    static String confirmationQuestion(Ticket ticket, SmsTexts texts, boolean byCommittee) {
        String reference = ticket.reference;
        if (byCommittee) {
            return switch (ticket.category) {
                case OUTAGE -> texts.askConfirmationOutage(reference);
                case QUALITY -> texts.askConfirmationQuality(reference);
                case LEAK -> texts.askConfirmationLeak(reference);
                default -> texts.askConfirmationOther(reference);
            };
        }
        return switch (ticket.category) {
            case OUTAGE -> texts.askConfirmationOutageByAgency(reference);
            case QUALITY -> texts.askConfirmationQualityByAgency(reference);
            case LEAK -> texts.askConfirmationLeakByAgency(reference);
            default -> texts.askConfirmationOtherByAgency(reference);
        };
    }
}
