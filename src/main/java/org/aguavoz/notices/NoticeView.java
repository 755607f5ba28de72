package org.aguavoz.notices;

import java.time.Instant;

import org.aguavoz.tickets.Category;
import org.aguavoz.tickets.Channel;
import org.aguavoz.tickets.CommunityNotice;
import org.aguavoz.tickets.TicketEvent;

/**
 * A community notice as the API shows it. {@code category} and {@code incident} (the reference its category's
 * reports join) are absent when there is none; {@code sms} counts its SMS by their outbox state.
 */
public record NoticeView(long id, String community, Category category, String text, Instant until, boolean active,
        Instant createdAt, Author createdBy, Channel channel, String incident, NoticeRecipients.Counts sms) {

    /** {@code type}: {@code committee_member} or {@code staff}. */
    public record Author(TicketEvent.ActorType type, String name) {
    }

    static NoticeView of(CommunityNotice notice, NoticeRecipients.Counts counts, Instant now) {
        return new NoticeView(notice.id, notice.community.code, notice.category, notice.text, notice.until,
                notice.isActiveAt(now), notice.createdAt, new Author(notice.actorType, notice.actorName),
                notice.channel, notice.incident == null ? null : notice.incident.reference, counts);
    }
}
