package org.aguavoz.tickets;

import java.security.SecureRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Hands out ticket references: short numbers a villager can type on a keypad and read back on the phone.
 * They are random (so 4822 says nothing about who filed 4821), 4 digits while 4-digit numbers are easy to
 * find, then 5, then 6. The database decides who gets a number: a claim is an insert that does nothing
 * when the number is taken.
 */
@ApplicationScoped
class TicketReferences {

    /** Random tries per length before moving to a longer one; with a half-full range, 8 misses are rare. */
    private static final int TRIES_PER_LENGTH = 8;

    private final SecureRandom random = new SecureRandom();
    private final EntityManager em;

    TicketReferences(EntityManager em) {
        this.em = em;
    }

    /** Must run inside the transaction that stores the ticket, so a rolled-back ticket frees its number. */
    String claim() {
        for (int digits = 4; digits <= 6; digits++) {
            int low = (int) Math.pow(10, digits - 1);
            for (int attempt = 0; attempt < TRIES_PER_LENGTH; attempt++) {
                String candidate = Integer.toString(low + random.nextInt(9 * low));
                if (tryClaim(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("no free ticket reference found among 4 to 6 digit numbers");
    }

    private boolean tryClaim(String candidate) {
        return em.createNativeQuery("insert into ticket_reference (reference) values (?1) on conflict do nothing")
                .setParameter(1, candidate)
                .executeUpdate() == 1;
    }
}
