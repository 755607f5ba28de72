package org.aguavoz.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The attackers of {@link UnsignedFloodIT}, in a process of their own so that they share neither heap nor threads
 * with the test that times signed webhooks: {@code senders} clients on loopback, each posting 10 MB unsigned form
 * bodies to /twilio/sms one after the other (even-numbered ones chunked, the others with a Content-Length), made as
 * they are written, until standard input closes or {@code maxSeconds} pass.
 *
 * <p>Prints {@code flooding} once every sender has had a body answered, then, at the end, one line
 * {@code result bodies=… 413=… closed=…} counting how each body ended: {@code 413}, {@code closed} (the server
 * closed the connection before an answer could be read), {@code stalled} (the server neither read the body nor
 * closed within {@link #STALL_MILLIS}), {@code unconnected}, or {@code HTTP-<status>} for any other answer.
 *
 * <p>{@code java -cp target/test-classes org.aguavoz.intake.UnsignedFlood <port> <senders> <maxSeconds>
 * <pauseMillis>}; it needs nothing but the JDK.
 */
public final class UnsignedFlood {

    static final long BODY_BYTES = 10L * 1024 * 1024;
    static final String FLOODING = "flooding";
    static final String RESULT = "result";
    private static final int STALL_MILLIS = 10_000;
    private static final int SEND_BUFFER_BYTES = 64 * 1024;
    private static final byte[] PIECE = filled(16 * 1024);
    private static final byte[] CRLF = "\r\n".getBytes(StandardCharsets.US_ASCII);

    private final int port;
    private final long pauseMillis;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch everyoneAnswered;
    /** Each sender's open connection and when its body started, for the watchdog. */
    private final AtomicReferenceArray<Socket> open;
    private final AtomicLongArray startedAt;
    private final AtomicIntegerArray stalled;
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final AtomicLong mostBytesWritten = new AtomicLong();

    private UnsignedFlood(int port, int senders, long pauseMillis) {
        this.port = port;
        this.pauseMillis = pauseMillis;
        this.everyoneAnswered = new CountDownLatch(senders);
        this.open = new AtomicReferenceArray<>(senders);
        this.startedAt = new AtomicLongArray(senders);
        this.stalled = new AtomicIntegerArray(senders);
    }

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[0]);
        int senders = Integer.parseInt(args[1]);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[2]));
        UnsignedFlood flood = new UnsignedFlood(port, senders, Long.parseLong(args[3]));

        Thread stdin = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // anything before end of input is ignored
                }
            } catch (IOException e) {
                // a broken pipe ends the flood as well
            }
            flood.stopping.set(true);
        }, "stdin");
        stdin.setDaemon(true);
        stdin.start();

        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            int sender = i;
            Thread thread = new Thread(() -> flood.send(sender, sender % 2 == 0), "sender-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        boolean announced = false;
        while (!flood.stopping.get() && System.nanoTime() < deadline) {
            if (!announced && flood.everyoneAnswered.getCount() == 0) {
                System.out.println(FLOODING);
                System.out.flush();
                announced = true;
            }
            flood.closeStalled();
            Thread.sleep(100);
        }
        flood.stopping.set(true);
        long joinBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(STALL_MILLIS / 1000 + 5);
        for (Thread thread : threads) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(joinBy - System.nanoTime())));
            flood.closeStalled();
        }
        System.out.println(flood.result());
        System.out.flush();
    }

    private void send(int sender, boolean chunked) {
        while (!stopping.get()) {
            String outcome = sendOne(sender, chunked);
            outcomes.computeIfAbsent(outcome, o -> new LongAdder()).increment();
            if (outcome.equals("unconnected")) {
                pause(100);
            }
            everyoneAnswered.countDown(); // once per sender is all that counts; extra calls are no-ops at zero
            pause(pauseMillis);
        }
    }

    /** How the body ended (see the class comment). */
    private String sendOne(int sender, boolean chunked) {
        try (Socket socket = new Socket()) {
            // A real attacker's bytes cross a network. On loopback the kernel would take megabytes of each body
            // from the sender before the refusal arrives, copying them on the cores the server shares (measured
            // without this: less than half the bodies for 45% more CPU); a small send buffer keeps the flood about
            // the server's work.
            socket.setSendBufferSize(SEND_BUFFER_BYTES);
            try {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
            } catch (ConnectException | SocketTimeoutException e) {
                return "unconnected";
            }
            socket.setSoTimeout(STALL_MILLIS);
            startedAt.set(sender, System.nanoTime());
            stalled.set(sender, 0);
            open.set(sender, socket);
            try {
                long written = writeRequest(socket.getOutputStream(), chunked);
                mostBytesWritten.accumulateAndGet(written, Math::max);
                int status = readStatus(socket.getInputStream());
                if (status == 413) {
                    return "413";
                }
                return status < 0 ? "closed" : "HTTP-" + status;
            } catch (SocketTimeoutException e) {
                return "stalled";
            } catch (IOException e) {
                return stalled.get(sender) == 1 ? "stalled" : "closed";
            } finally {
                open.set(sender, null);
            }
        } catch (IOException e) {
            return "closed";
        }
    }

    /** Writes the whole request unless the server cuts it off; returns the body bytes written. */
    private long writeRequest(OutputStream out, boolean chunked) {
        String head = "POST /twilio/sms HTTP/1.1\r\nHost: localhost:" + port
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + (chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + BODY_BYTES) + "\r\n\r\n";
        long written = 0;
        try {
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            while (written < BODY_BYTES) {
                int n = (int) Math.min(PIECE.length, BODY_BYTES - written);
                if (chunked) {
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(PIECE, 0, n);
                    out.write(CRLF);
                } else {
                    out.write(PIECE, 0, n);
                }
                written += n;
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (IOException refusedMidBody) {
            // the server stopped reading and closed; its answer, if any, is still to be read
        }
        return written;
    }

    /** The status of the answer, or -1 when the connection ended (or was reset) before a status line. */
    private static int readStatus(InputStream in) throws SocketTimeoutException {
        byte[] line = new byte[64];
        int length = 0;
        try {
            for (int b = in.read(); b >= 0 && b != '\n' && length < line.length; b = in.read()) {
                line[length++] = (byte) b;
            }
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException reset) {
            return -1;
        }
        String status = new String(line, 0, length, StandardCharsets.US_ASCII);
        return status.startsWith("HTTP/1.1 ") && status.length() >= 12 ? Integer.parseInt(status.substring(9, 12)) : -1;
    }

    /** A body the server neither reads nor refuses would block its sender's write for ever. */
    private void closeStalled() {
        long now = System.nanoTime();
        for (int i = 0; i < open.length(); i++) {
            Socket socket = open.get(i);
            if (socket != null && now - startedAt.get(i) > TimeUnit.MILLISECONDS.toNanos(STALL_MILLIS)) {
                stalled.set(i, 1);
                try {
                    socket.close();
                } catch (IOException e) {
                    // closed already
                }
            }
        }
    }

    private String result() {
        Map<String, Long> counts = new TreeMap<>();
        outcomes.forEach((outcome, n) -> counts.put(outcome, n.sum()));
        StringBuilder line = new StringBuilder(RESULT).append(" bodies=")
                .append(counts.values().stream().mapToLong(Long::longValue).sum());
        counts.forEach((outcome, n) -> line.append(' ').append(outcome).append('=').append(n));
        return line.append(" mostBytesWritten=").append(mostBytesWritten.get()).toString();
    }

    private static byte[] filled(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'a'); // one form field with a very long name
        return bytes;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
