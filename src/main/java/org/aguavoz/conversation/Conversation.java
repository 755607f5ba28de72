package org.aguavoz.conversation;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.aguavoz.communities.Community;
import org.aguavoz.tickets.Category;

/** A half-filed report waiting for one answer from its reporter. */
@Entity
@Table(name = "conversation")
public class Conversation extends PanacheEntityBase {

    enum Awaiting { COMMUNITY, CATEGORY }

    @Id
    public String phone;

    @Enumerated(EnumType.STRING)
    public Awaiting awaiting;

    @Column(name = "report_text")
    public String reportText;

    @Enumerated(EnumType.STRING)
    public Category category;

    @ManyToOne
    @JoinColumn(name = "community_id")
    public Community community;

    public boolean anonymous;

    public String language;

    @Column(name = "inbound_message_id")
    public Long inboundMessageId;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;
}
