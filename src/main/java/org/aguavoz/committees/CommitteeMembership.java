package org.aguavoz.committees;

import java.time.Instant;

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

/** Someone's time on a community's water committee. Ended, never deleted: the roster keeps its history. */
@Entity
@Table(name = "committee_membership")
public class CommitteeMembership extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "community_id")
    public Community community;

    public String name;

    /** E.164. Never shown to villagers: AguaVoz relays every message. */
    public String phone;

    @Enumerated(EnumType.STRING)
    public MemberRole role;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    public boolean isCurrent() {
        return endedAt == null;
    }
}
