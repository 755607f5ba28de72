package org.aguavoz.tickets;

import java.time.Instant;
import java.time.LocalDate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.aguavoz.communities.Community;

/**
 * What the committee or the agency told a whole community ("sin agua hasta el jueves, se cambia la bomba"), until
 * when. It lives here, beside the incidents, because it changes where a report goes: while it is active, reports of
 * its category join its incident (see {@link CommunityNotices#activeFor}). Sending it is the notices' business.
 */
@Entity
@Table(name = "community_notice")
public class CommunityNotice extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "community_id")
    public Community community;

    /** Null: about nothing in particular; reports go their usual way. Never integrity. */
    @Enumerated(EnumType.STRING)
    public Category category;

    /** As the author typed it (one line); the SMS carry its GSM-7 spelling. */
    public String text;

    /** Active while now is before this. */
    public Instant until;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The role that sent it: a committee member (by SMS) or staff. */
    @Enumerated(EnumType.STRING)
    @Column(name = "actor_type")
    public TicketEvent.ActorType actorType;

    /** The member's or the staff user's name; played in the simulator, the staff user who typed it. */
    @Column(name = "actor_name")
    public String actorName;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    /** The incident its category's reports join: one that was open when it was sent, or the first report's. */
    @ManyToOne
    @JoinColumn(name = "incident_id")
    public Incident incident;

    /** A committee's notice: the agency's local day it was sent on (one a day per committee). */
    @Column(name = "committee_day")
    public LocalDate committeeDay;

    public boolean fromCommittee() {
        return actorType == TicketEvent.ActorType.COMMITTEE_MEMBER;
    }

    public boolean isActiveAt(Instant at) {
        return !at.isBefore(createdAt) && at.isBefore(until);
    }
}
