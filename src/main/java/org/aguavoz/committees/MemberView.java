package org.aguavoz.committees;

import java.time.Instant;

import org.aguavoz.tickets.Visibility;

/** A committee membership as the API shows it; the phone as {@link Visibility#memberPhone} allows. */
public record MemberView(long id, String name, String phone, MemberRole role, boolean current, Instant startedAt,
        Instant endedAt) {

    static MemberView of(CommitteeMembership member, Visibility visibility) {
        return new MemberView(member.id, member.name, visibility.memberPhone(member.phone),
                member.role, member.isCurrent(), member.startedAt, member.endedAt);
    }
}
