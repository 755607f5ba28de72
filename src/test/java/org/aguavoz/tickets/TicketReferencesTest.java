package org.aguavoz.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TicketReferencesTest {

    @Inject
    TicketReferences references;

    @Test
    void referencesAreShortDigitsAndNotOneAfterAnother() {
        List<Integer> claimed = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String reference = QuarkusTransaction.requiringNew().call(references::claim);
            assertTrue(reference.matches("[1-9][0-9]{3,5}"), reference);
            claimed.add(Integer.parseInt(reference));
        }
        long consecutive = 0;
        for (int i = 1; i < claimed.size(); i++) {
            if (claimed.get(i) == claimed.get(i - 1) + 1) {
                consecutive++;
            }
        }
        assertTrue(consecutive <= 2, "references follow each other " + consecutive + " times: " + claimed);
        assertEquals(claimed.size(), new HashSet<>(claimed).size());
    }

    @Test
    void concurrentClaimsNeverShareAReference() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    List<String> mine = new ArrayList<>();
                    for (int i = 0; i < 50; i++) {
                        mine.add(QuarkusTransaction.requiringNew().call(references::claim));
                    }
                    return mine;
                }));
            }
            Set<String> all = new HashSet<>();
            int count = 0;
            for (Future<List<String>> result : results) {
                for (String reference : result.get()) {
                    all.add(reference);
                    count++;
                }
            }
            assertEquals(400, count);
            assertEquals(count, all.size(), "a reference was handed out twice");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRolledBackTicketDoesNotKeepItsReference() {
        AtomicReference<String> reference = new AtomicReference<>();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            reference.set(references.claim());
            throw new IllegalStateException("the ticket could not be stored");
        }));
        long stored = QuarkusTransaction.requiringNew().call(() ->
                ((Number) Ticket.getEntityManager()
                        .createNativeQuery("select count(*) from ticket_reference where reference = ?1")
                        .setParameter(1, reference.get()).getSingleResult()).longValue());
        assertEquals(0, stored);
    }
}
