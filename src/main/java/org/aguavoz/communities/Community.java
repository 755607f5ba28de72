package org.aguavoz.communities;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/** A village or hamlet with its own water system, known by the numeric code on its posters. */
@Entity
@Table(name = "community")
public class Community extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "agency_id")
    public Long agencyId;

    public String code;

    public String name;

    public BigDecimal latitude;

    public BigDecimal longitude;

    @OneToMany(mappedBy = "community", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    public List<CommunityAlias> aliases = new ArrayList<>();

    @Column(name = "created_at", updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public void addAlias(String alias) {
        CommunityAlias entry = new CommunityAlias();
        entry.community = this;
        entry.agencyId = agencyId;
        entry.alias = alias.strip();
        entry.normalized = SpellingVariant.normalize(alias);
        aliases.add(entry);
    }
}
