package org.aguavoz.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/**
 * The finding behind the 64 KB limit: 96 unsigned 10 MB bodies, each decoded in full before its signature was
 * checked, made real webhooks wait 13.8 s (Twilio gives up at 15 s). Here 64 senders keep 10 MB bodies coming
 * (half with a Content-Length, half chunked, generated as they are sent so the test itself holds no 10 MB), each
 * sending its next body a fifth of a second after the last was refused, for as long as signed webhooks are
 * measured, on loopback; every signed one must be answered within a second. 64 rather than 96: the senders share
 * this JVM and its two cores with the server they attack, and a few hundred bodies a second is already far more
 * than the 96 of the finding.
 */
@QuarkusTest
class UnsignedFloodTest {

    private static final int SENDERS = 64;
    private static final long BODY_BYTES = 10L * 1024 * 1024;
    private static final int SIGNED = 30;

    @Test
    void signedWebhooksAreAnsweredWithinASecondDuringAFloodOfLargeUnsignedBodies() throws Exception {
        // Warm: the first requests of a test run pay for class loading, not for the flood.
        long[] before = new long[5];
        for (int i = 0; i < before.length; i++) {
            before[i] = signedWebhookMillis();
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create("http://localhost:" + RestAssured.port + "/twilio/sms");
        AtomicBoolean flooding = new AtomicBoolean(true);
        AtomicInteger refused = new AtomicInteger();
        List<String> wrongAnswers = new ArrayList<>();
        ConcurrentHashMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        long[] latencies = new long[SIGNED];
        try {
            for (int i = 0; i < SENDERS; i++) {
                boolean chunked = i % 2 == 0;
                senders.submit(() -> {
                    while (flooding.get()) {
                        int status = sendJunk(client, uri, chunked);
                        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                        if (status == 413 || status == -1) {
                            refused.incrementAndGet();
                        } else {
                            synchronized (wrongAnswers) {
                                wrongAnswers.add("HTTP " + status);
                            }
                        }
                        // A breath between bodies: a refusal takes microseconds, and a sender spinning without one
                        // would measure this JVM's two cores rather than the server (both live in this process).
                        pause(200);
                    }
                });
            }
            Thread.sleep(3000); // the flood (and the JIT of its client threads) is under way before the first signed webhook
            for (int i = 0; i < SIGNED; i++) {
                latencies[i] = signedWebhookMillis();
            }
        } finally {
            flooding.set(false);
            senders.shutdown();
            senders.awaitTermination(10, TimeUnit.SECONDS);
        }

        long slowest = Arrays.stream(latencies).max().orElseThrow();
        assertTrue(slowest < 1000, "signed webhooks took " + Arrays.toString(latencies) + " ms during the flood ("
                + Arrays.toString(before) + " ms before it; " + statuses + ")");
        assertTrue(refused.get() >= SENDERS, "the flood did not happen: " + statuses);
        assertEquals(List.of(), wrongAnswers, "unsigned bodies were answered: " + statuses);
    }

    private static long signedWebhookMillis() {
        long start = System.nanoTime();
        TwilioWebhook.post("/twilio/sms", TwilioWebhook.sms(TwilioWebhook.freshVillager(), "101 sin agua")).then()
                .statusCode(200);
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The status, or -1 when the server closed the connection before the client read its answer. */
    private static int sendJunk(HttpClient client, URI uri, boolean chunked) {
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(Junk::new);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(chunked ? stream : HttpRequest.BodyPublishers.fromPublisher(stream, BODY_BYTES)).build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException closed) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** 10 MB of "aaaa…" (one form field with a long name), made as it is read. */
    private static final class Junk extends InputStream {
        private long left = BODY_BYTES;

        @Override
        public int read() {
            return left-- > 0 ? 'a' : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            Arrays.fill(buffer, offset, offset + n, (byte) 'a');
            left -= n;
            return n;
        }
    }
}
