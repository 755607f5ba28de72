package org.aguavoz.agency;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

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

    @Column(name = "quiet_hours_start")
    public LocalTime quietHoursStart;

    @Column(name = "quiet_hours_end")
    public LocalTime quietHoursEnd;

    /** Water quality is a health matter: its escalations may reach agency staff at night. */
    @Column(name = "quality_escalations_ignore_quiet_hours")
    public boolean qualityEscalationsIgnoreQuietHours = true;

    @Column(name = "created_at", insertable = false, updatable = false)
    public Instant createdAt;

    public static Agency get() {
        return findById(THE_AGENCY);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Optional<QuietHours> quietHours() {
        return quietHoursStart == null ? Optional.empty() : Optional.of(new QuietHours(quietHoursStart, quietHoursEnd));
    }

    public void setQuietHours(Optional<QuietHours> hours) {
        quietHoursStart = hours.map(QuietHours::start).orElse(null);
        quietHoursEnd = hours.map(QuietHours::end).orElse(null);
    }

    /** Whether an SMS that may wait should wait now. */
    public boolean isQuietAt(Instant moment) {
        return quietHours().map(q -> q.contains(moment.atZone(zone()))).orElse(false);
    }
}
