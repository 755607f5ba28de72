package org.aguavoz.tickets;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.aguavoz.communities.Community;

@ApplicationScoped
public class CommunityNotices implements PanacheRepository<CommunityNotice> {

    /**
     * The one rule for "is there an active notice for this community and category", asked where a report is placed
     * ({@link Incidents#place}) and where its reply is written (notices.TellPeople): the latest notice of the category
     * sent at or before {@code at} and still active then. A notice whose incident was resolved meanwhile no longer
     * holds reports back: the committee said it is fixed, so a new report is news to it again. Integrity complaints
     * are never held by a notice.
     */
    public Optional<CommunityNotice> activeFor(Community community, Category category, Instant at) {
        if (category == null || category == Category.INTEGRITY) {
            return Optional.empty();
        }
        return find("community = ?1 and category = ?2 and createdAt <= ?3 and until > ?3 order by createdAt desc, id desc",
                community, category, at).stream()
                .filter(n -> n.incident == null || n.incident.isOpen())
                .findFirst();
    }

    /** The notice a new report came under (its reply carries it), by the same rule as when it was placed. */
    public Optional<CommunityNotice> heldBy(Ticket report) {
        if (report.incident == null) {
            return Optional.empty(); // a report held by a notice is always in the notice's incident
        }
        return activeFor(report.community, report.category, report.createdAt)
                .filter(notice -> notice.incident != null && notice.incident.equals(report.incident));
    }

    /** Newest first. */
    public List<CommunityNotice> ofCommunity(Community community) {
        return list("community = ?1 order by createdAt desc, id desc", community);
    }

    /** Whether the committee already sent its notice on that day (the agency's local day). */
    public boolean committeeSentOn(Community community, LocalDate day) {
        return count("community = ?1 and committeeDay = ?2", community, day) > 0;
    }

    /** Active notices of the community and category still waiting for their first report take this incident. */
    void attachWaiting(Community community, Category category, Incident incident, Instant at) {
        find("community = ?1 and category = ?2 and incident is null and createdAt <= ?3 and until > ?3",
                community, category, at).<CommunityNotice>stream().forEach(n -> n.incident = incident);
    }
}
