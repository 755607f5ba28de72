package org.aguavoz.conversation;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import org.aguavoz.notices.SmsBundles;
import org.aguavoz.notices.SmsTexts;
import org.aguavoz.phones.PhoneNumber;
import org.aguavoz.tickets.Ticket;
import org.aguavoz.tickets.Tickets;

/**
 * How a reporter's own report stands, asked by SMS (ESTADO, ESTADO 4821) or by phone (the status step): one lookup
 * for both. Someone else's reference is not found, the same as a reference that does not exist.
 */
@ApplicationScoped
class ReportStatus {

    /** The report and its status, in the words of the reporter's SMS language. */
    record Known(Ticket ticket, String label) {
    }

    private final Tickets tickets;

    ReportStatus(Tickets tickets) {
        this.tickets = tickets;
    }

    /** The report with this reference if this phone filed it; without a reference, the phone's latest report. */
    Optional<Known> of(PhoneNumber phone, Optional<String> reference, SmsTexts texts) {
        Optional<Ticket> ticket = reference.isPresent()
                ? tickets.byReference(reference.get()).filter(t -> phone.e164().equals(t.reporterPhone))
                : tickets.find("reporterPhone = ?1 order by createdAt desc, id desc", phone.e164())
                        .firstResultOptional();
        return ticket.map(t -> new Known(t, SmsBundles.statusLabel(t.status, texts)));
    }
}
