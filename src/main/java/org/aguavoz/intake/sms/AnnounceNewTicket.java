package org.aguavoz.intake.sms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.aguavoz.outbox.Gsm7;
import org.aguavoz.outbox.OutboundMessage.Timing;
import org.aguavoz.outbox.Outbox;
import org.aguavoz.routing.RouteTicket;
import org.aguavoz.tickets.Category;
import org.aguavoz.tickets.Ticket;

/**
 * Tells whom the agency's routing rule names of a new ticket, whichever way it came in (SMS, a call): integrity
 * complaints never reach the committee they may accuse. Everything is relayed by AguaVoz: members never see the
 * reporter's number, the reporter never sees theirs.
 */
@ApplicationScoped
public class AnnounceNewTicket {

    private final RouteTicket routeTicket;
    private final Outbox outbox;

    AnnounceNewTicket(RouteTicket routeTicket, Outbox outbox) {
        this.routeTicket = routeTicket;
        this.outbox = outbox;
    }

    /**
     * Queues the notices and returns the reporter's confirmation ("reporte 4821 recibido…") in their language.
     * {@code quoted}: what the notices quote of the report, one line, at most 200 characters.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String announce(Ticket ticket, String quoted, SmsTexts reporterTexts) {
        String community = Gsm7.transliterate(ticket.community.name);
        RouteTicket.Recipients recipients = routeTicket.recipients(ticket);
        SmsTexts spanish = SmsBundles.texts("es");
        String category = SmsBundles.categoryLabel(ticket.category, spanish);
        String committeeNotice = spanish.committeeNotice(ticket.reference, category, community, quoted);
        recipients.committee().forEach(phone -> outbox.enqueue(phone, committeeNotice, ticket.id, Timing.NOTICE));
        String agencyNotice = spanish.agencyNotice(ticket.reference, category, community, quoted);
        recipients.agency().forEach(phone -> outbox.enqueue(phone, agencyNotice, ticket.id, Timing.NOTICE));
        if (ticket.category == Category.INTEGRITY) {
            return reporterTexts.receivedIntegrity(ticket.reference);
        }
        return recipients.committeeTold() ? reporterTexts.received(ticket.reference, community)
                : reporterTexts.receivedByAgency(ticket.reference);
    }
}
