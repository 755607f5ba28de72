package org.aguavoz.reporters;

import java.time.Clock;
import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.aguavoz.phones.PhoneNumber;

@ApplicationScoped
public class Reporters implements PanacheRepositoryBase<Reporter, String> {

    private final Clock clock;

    Reporters(Clock clock) {
        this.clock = clock;
    }

    /**
     * The reporter row of this phone, created if new and locked for the rest of the transaction: two messages
     * from one phone are then handled one after the other, even on two instances.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Reporter lockOrCreate(PhoneNumber phone) {
        Instant now = clock.instant();
        getEntityManager().createNativeQuery(
                        "insert into reporter (phone, created_at, updated_at) values (?1, ?2, ?2) on conflict do nothing")
                .setParameter(1, phone.e164())
                .setParameter(2, now)
                .executeUpdate();
        return findById(phone.e164(), LockModeType.PESSIMISTIC_WRITE);
    }

    public boolean isOptedOut(PhoneNumber phone) {
        Reporter reporter = findById(phone.e164());
        return reporter != null && reporter.optedOut;
    }
}
