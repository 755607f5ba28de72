package org.aguavoz.reporters;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.aguavoz.communities.Community;

/** What AguaVoz remembers about a phone that wrote to it. */
@Entity
@Table(name = "reporter")
public class Reporter extends PanacheEntityBase {

    /** E.164. */
    @Id
    public String phone;

    /** The community of this phone's last report: the next one needs no code. */
    @ManyToOne
    @JoinColumn(name = "community_id")
    public Community community;

    public String language = "es";

    /** Sent BAJA or STOP: nothing goes to this phone until ALTA or START. */
    @Column(name = "opted_out")
    public boolean optedOut;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
