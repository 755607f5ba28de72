package org.aguavoz.communities;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "community_alias")
public class CommunityAlias extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "community_id")
    public Community community;

    @Column(name = "agency_id")
    public Long agencyId;

    /** As the agency wrote it. */
    public String alias;

    /** What intake matches: see {@link SpellingVariant#normalize}. */
    public String normalized;
}
