package org.aguavoz.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.quarkiverse.wiremock.devservice.ConnectWireMock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.aguavoz.intake.TwilioApi;
import org.aguavoz.outbox.OutboxDispatcher;
import org.junit.jupiter.api.Test;

/**
 * How many queued SMS per second the outbox sender drains against Twilio played by WireMock, rate limit off (the
 * test profile), with one and with two senders on the same database. Not part of the test suite (its name does
 * not end in Test); run it with {@code ./mvnw -B test -Dtest=OutboxDrainBenchmark -Dbench.messages=3000}.
 */
@QuarkusTest
@ConnectWireMock
class OutboxDrainBenchmark {

    WireMock wiremock;

    @Inject
    OutboxDispatcher dispatcher;

    @Inject
    EntityManager em;

    @Test
    void drainRate() throws Exception {
        int messages = Integer.getInteger("bench.messages", 3000);
        TwilioApi.acceptEverySms(wiremock);
        dispatcher.drain(); // warm up the HTTP client and the queries
        for (int senders : new int[] {1, 2, 4}) {
            queue(messages);
            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(senders);
            List<Future<Integer>> runs = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                runs.add(pool.submit(dispatcher::drain));
            }
            int sent = 0;
            for (Future<Integer> run : runs) {
                sent += run.get();
            }
            pool.shutdown();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("OutboxDrainBenchmark: %d sender(s) drained %d SMS in %.2f s = %.0f SMS/s%n",
                    senders, sent, seconds, sent / seconds);
        }
    }

    private void queue(int messages) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into outbound_message (to_phone, body, next_attempt_at, created_at, updated_at)
                        select '+5296155' || lpad((10000 + n)::text, 5, '0'), 'AguaVoz: aviso ' || n, now(), now(), now()
                        from generate_series(1, ?1) n""")
                .setParameter(1, messages).executeUpdate());
    }
}
