package org.aguavoz.staff;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "staff_user")
public class StaffUser extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String username;

    @Column(name = "display_name")
    public String displayName;

    /** bcrypt; the clear password is never stored or logged. */
    @Column(name = "password_hash")
    public String passwordHash;

    @Enumerated(EnumType.STRING)
    public StaffRole role;

    public boolean active = true;

    /** Set by logging out: a session cookie issued at or before this moment is refused. */
    @Column(name = "sessions_ended_at")
    public Instant sessionsEndedAt;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;
}
