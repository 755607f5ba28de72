package org.aguavoz.reporters;

import java.time.Clock;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
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
        // One statement creates or touches the row, and either way leaves it locked until commit. (Hibernate 7.2's
        // own pessimistic lock on find() fails under load for entities with associations: follow-on locking NPEs.)
        getEntityManager().createNativeQuery("""
                        insert into reporter (phone, created_at, updated_at) values (?1, ?2, ?2)
                        on conflict (phone) do update set updated_at = excluded.updated_at""")
                .setParameter(1, phone.e164())
                .setParameter(2, clock.instant())
                .executeUpdate();
        return findById(phone.e164());
    }

    public boolean isOptedOut(PhoneNumber phone) {
        Reporter reporter = findById(phone.e164());
        return reporter != null && reporter.optedOut;
    }
}
