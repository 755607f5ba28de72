package org.aguavoz.committees;

import java.time.Instant;

import org.aguavoz.phones.PhoneNumber;

/**
 * A committee membership as the API shows it. The phone is masked for viewers, who read the dashboard but
 * must not collect numbers.
 */
public record MemberView(long id, String name, String phone, MemberRole role, boolean current, Instant startedAt,
        Instant endedAt) {

    static MemberView of(CommitteeMembership member, boolean showPhone) {
        return new MemberView(member.id, member.name,
                showPhone ? member.phone : PhoneNumber.mask(member.phone),
                member.role, member.isCurrent(), member.startedAt, member.endedAt);
    }
}
