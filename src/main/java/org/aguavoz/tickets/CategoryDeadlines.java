package org.aguavoz.tickets;

import java.time.Duration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A category's row: how long a committee has to acknowledge and to resolve, as the agency set it. Not cached: an
 * edit on one instance must apply on every instance to the next ticket opened.
 */
@Entity
@Table(name = "category")
public class CategoryDeadlines extends PanacheEntityBase {

    @Id
    @Enumerated(EnumType.STRING)
    public Category code;

    @Column(name = "display_order")
    public short displayOrder;

    @Column(name = "acknowledge_within")
    @JdbcTypeCode(SqlTypes.INTERVAL_SECOND)
    public Duration acknowledgeWithin;

    @Column(name = "resolve_within")
    @JdbcTypeCode(SqlTypes.INTERVAL_SECOND)
    public Duration resolveWithin;

    /**
     * Reports of one community and this category that come within this time of each other form one incident (see
     * {@link Incident}); null: every report stands alone. Never set for integrity complaints (the database refuses).
     */
    @Column(name = "group_within")
    @JdbcTypeCode(SqlTypes.INTERVAL_SECOND)
    public Duration groupWithin;
}
