package org.aguavoz.intake.sms;

import java.nio.file.Path;
import java.util.Optional;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Moves spooled SMS into the database once it takes them again, oldest first, each then answered by SMS through the
 * outbox as a message answered later is. A file is deleted only after its row is committed; a crash in between leaves
 * the file, and storing it again is a no-op on the unique MessageSid (so is a Twilio retry that was spooled too, or
 * already stored by a webhook). The first message the database refuses stops the run and stays first in line: the
 * order of a reporter's messages is the order of their conversation.
 */
@ApplicationScoped
class DrainSmsSpool {

    private static final Logger LOG = Logger.getLogger(DrainSmsSpool.class);

    private final SmsSpool spool;
    private final StoreInboundSms store;
    private final AnswerSms answer;
    /** Logs the start and the end of a wait once, not every run while the database is away. */
    private volatile boolean waiting;

    DrainSmsSpool(SmsSpool spool, StoreInboundSms store, AnswerSms answer) {
        this.spool = spool;
        this.store = store;
        this.answer = answer;
    }

    @Scheduled(every = "${aguavoz.spool.drain-every:2s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        drain();
    }

    /** @return how many messages this run moved into the database */
    int drain() {
        spool.releaseExpiredClaims();
        int moved = 0;
        for (Path file : spool.waiting()) {
            Optional<SmsSpool.Claim> claim = spool.claim(file);
            if (claim.isEmpty()) {
                continue; // another instance sharing the directory took it
            }
            if (!move(claim.get())) {
                return moved;
            }
            moved++;
        }
        if (waiting) {
            waiting = false;
            LOG.infof("Spool: the database takes messages again; %d left in %s", spool.size(), spool.dir());
        }
        return moved;
    }

    private boolean move(SmsSpool.Claim claim) {
        SpooledSms message = claim.read();
        StoreInboundSms.Stored stored;
        try {
            stored = store.storeSpooled(message);
        } catch (RuntimeException e) {
            claim.release();
            if (!waiting) {
                waiting = true;
                LOG.warnf("Spool: %d message(s) wait in %s, the database does not take %s yet: %s", spool.size(),
                        spool.dir(), claim.name(), e.getMessage());
            }
            return false;
        }
        claim.delete();
        try {
            // Also for a row that was there already: answering is idempotent, and a row stored by a run that died
            // before answering gets its answer here.
            answer.answer(stored.id(), AnswerSms.ReplyBy.OUTBOX);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Spooled message %d is stored but not answered yet; the retry job will", stored.id());
            try {
                answer.recordFailure(stored.id(), e);
            } catch (RuntimeException again) {
                // the database went away again: RetryUnansweredSms answers it later all the same
            }
        }
        return true;
    }
}
