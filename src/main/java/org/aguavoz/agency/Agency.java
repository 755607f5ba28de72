package org.aguavoz.agency;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The municipal agency this installation serves. There is one, with id {@link #THE_AGENCY}. */
@Entity
@Table(name = "agency")
public class Agency extends PanacheEntityBase {

    public static final long THE_AGENCY = 1L;

    @Id
    public Long id;

    public String name;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
}
