package org.aguavoz.communities;

import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.aguavoz.agency.Agency;

@ApplicationScoped
public class Communities implements PanacheRepository<Community> {

    public Optional<Community> byCode(String code) {
        return find("agencyId = ?1 and code = ?2", Agency.THE_AGENCY, code).firstResultOptional();
    }

    public List<Community> allByCode() {
        return find("select c from Community c left join fetch c.aliases where c.agencyId = ?1 order by length(c.code), c.code",
                Agency.THE_AGENCY).list();
    }

    /** The community a spelling variant (already normalised) belongs to, if any. */
    public Optional<Community> byNormalizedAlias(String normalized) {
        return getEntityManager()
                .createQuery("select a.community from CommunityAlias a where a.agencyId = ?1 and a.normalized = ?2",
                        Community.class)
                .setParameter(1, Agency.THE_AGENCY)
                .setParameter(2, normalized)
                .getResultStream().findFirst();
    }
}
