package org.aguavoz.intake.sms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.aguavoz.intake.TwilioForm;
import org.jboss.logging.Logger;

/**
 * SMS that reached us while the database could not take them, one file per message, as RapidPro's courier keeps
 * its spool. A file is written under a temporary name, forced to disk, then renamed into place (and the directory
 * forced too), all before the webhook answers 200: Twilio does not deliver an SMS webhook again, so once answered
 * the file is the only copy.
 *
 * <p>Names sort in arrival order: {@code <microseconds since 1970, 17 digits>-<MessageSid>.sms}. Whoever drains
 * claims a file by renaming it to {@code <name>.claimed-<millis>}; a rename succeeds once, so instances sharing the
 * directory never take the same file. A claim left by an instance that died is given back after
 * {@link #CLAIM_EXPIRES}; taking a message twice stores it once anyway (unique MessageSid).
 */
@io.quarkus.runtime.Startup // its metrics exist from the first scrape, before anything was ever spooled
@ApplicationScoped
class SmsSpool {

    private static final Logger LOG = Logger.getLogger(SmsSpool.class);
    static final String SUFFIX = ".sms";
    private static final String CLAIMED = ".claimed-";
    private static final String TEMPORARY = ".tmp";
    /** Far longer than storing one message takes, even on a slow disk and a database that just came back. */
    static final Duration CLAIM_EXPIRES = Duration.ofMinutes(5);

    private final Path dir;
    private final Clock clock;
    private final Counter spooled;
    /** Microseconds of the last name made here: names of one instance never tie, so their order is arrival's. */
    private final AtomicLong lastStamp = new AtomicLong();

    SmsSpool(SpoolConfig config, Clock clock, MeterRegistry metrics) {
        this.dir = Path.of(config.dir()).toAbsolutePath();
        this.clock = clock;
        // On /q/metrics as aguavoz_spool_spooled_total and aguavoz_spool_messages (waiting or being moved now).
        this.spooled = Counter.builder("aguavoz.spool.spooled")
                .description("SMS written to the spool because the database could not take them").register(metrics);
        Gauge.builder("aguavoz.spool.messages", this, SmsSpool::size)
                .description("SMS in the spool, waiting for the database").register(metrics);
    }

    Path dir() {
        return dir;
    }

    /** Keeps the message on disk, durably, before returning; an exception means it is not kept. */
    void append(SpooledSms message) {
        String name = String.format("%017d-%s%s", stamp(message.receivedAt()), message.sms().messageSid(), SUFFIX);
        Path target = dir.resolve(name);
        Path temporary = dir.resolve("." + name + TEMPORARY);
        try {
            Files.createDirectories(dir);
            try (FileChannel file = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(encode(message).getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    file.write(bytes);
                }
                file.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory();
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new UncheckedIOException("cannot spool " + message.sms().messageSid() + " in " + dir, e);
        }
        spooled.increment();
    }

    /** Spooled messages not claimed by anyone, oldest first. */
    List<Path> waiting() {
        return list().filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
    }

    /** Messages in the spool, waiting or being moved into the database now. */
    int size() {
        return (int) list().filter(p -> isMessage(p.getFileName().toString())).count();
    }

    /** Whether a message could be spooled now: the directory, or the nearest one that would hold it, is writable. */
    boolean writable() {
        Path existing = dir;
        while (existing != null && !Files.isDirectory(existing)) {
            existing = existing.getParent();
        }
        return existing != null && Files.isWritable(existing);
    }

    /** Takes a waiting file for this caller alone; empty when another took it first. */
    Optional<Claim> claim(Path waiting) {
        Path claimed = waiting.resolveSibling(waiting.getFileName() + CLAIMED + clock.millis());
        try {
            Files.move(waiting, claimed, StandardCopyOption.ATOMIC_MOVE);
            return Optional.of(new Claim(waiting, claimed));
        } catch (NoSuchFileException | FileAlreadyExistsException | AtomicMoveNotSupportedException takenOrGone) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Gives back the claims of instances that died while moving a message, so the message is not stranded. */
    void releaseExpiredClaims() {
        long expiredBefore = clock.millis() - CLAIM_EXPIRES.toMillis();
        for (Path claimed : list().filter(p -> p.getFileName().toString().contains(CLAIMED)).toList()) {
            String name = claimed.getFileName().toString();
            int mark = name.lastIndexOf(CLAIMED);
            long claimedAt;
            try {
                claimedAt = Long.parseLong(name.substring(mark + CLAIMED.length()));
            } catch (NumberFormatException notOurs) {
                continue;
            }
            if (claimedAt < expiredBefore) {
                LOG.warnf("Spool: giving back %s, claimed %s and never finished", name.substring(0, mark),
                        Instant.ofEpochMilli(claimedAt));
                new Claim(claimed.resolveSibling(name.substring(0, mark)), claimed).release();
            }
        }
    }

    /** A file this caller claimed: read it, then either delete it (stored) or give it back (not stored). */
    final class Claim {

        private final Path waiting;
        private final Path claimed;

        private Claim(Path waiting, Path claimed) {
            this.waiting = waiting;
            this.claimed = claimed;
        }

        String name() {
            return waiting.getFileName().toString();
        }

        SpooledSms read() {
            try {
                return decode(Files.readAllBytes(claimed));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Only once the message is committed in the database. */
        void delete() {
            deleteQuietly(claimed);
        }

        void release() {
            try {
                Files.move(claimed, waiting, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException gone) {
                // given back already by an instance that thought this claim expired
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static boolean isMessage(String name) {
        return !name.startsWith(".") && (name.endsWith(SUFFIX) || name.contains(SUFFIX + CLAIMED));
    }

    private Stream<Path> list() {
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long stamp(Instant at) {
        long micros = at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
        return lastStamp.updateAndGet(last -> Math.max(last + 1, micros));
    }

    /** The rename is durable only once the directory entry is on disk too. */
    private void forceDirectory() throws IOException {
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Spool: cannot delete %s (%s)", file, e.getMessage());
        }
    }

    /** The fields of a Twilio form, so the file reads back through the same parser as the webhook. */
    static String encode(SpooledSms message) {
        InboundSms sms = message.sms();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("MessageSid", sms.messageSid());
        fields.put("AccountSid", sms.accountSid());
        fields.put("From", sms.from());
        fields.put("To", sms.to());
        fields.put("Body", sms.body());
        fields.put("NumMedia", Integer.toString(sms.numMedia()));
        fields.put("ReceivedAt", message.receivedAt().toString());
        if (sms.simulatedBy() != null) {
            fields.put("SimulatedBy", sms.simulatedBy());
        }
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static SpooledSms decode(byte[] file) {
        TwilioForm form = TwilioForm.parse(file);
        return new SpooledSms(new InboundSms(form.get("MessageSid"), form.get("AccountSid"), form.get("From"),
                form.get("To"), form.get("Body"), Integer.parseInt(form.get("NumMedia")), form.get("SimulatedBy")),
                Instant.parse(form.get("ReceivedAt")));
    }
}
