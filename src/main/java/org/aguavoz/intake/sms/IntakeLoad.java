package org.aguavoz.intake.sms;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * How busy SMS intake is on this instance, so that storing messages always comes before answering them.
 *
 * <p>Storing a message costs about one insert; answering it (understanding the text, opening the ticket, telling
 * the committee) costs ten times that. Under a flood (an outage in a big town, a stuck phone, a Twilio backlog
 * delivered at once) answering every message inside its webhook would make every webhook wait for the CPU, and a
 * webhook Twilio gives up on after 15 s is a report lost. So a flood is "more than {@link #limit()} webhooks in
 * flight", and it lasts until that has not been seen for {@link #CALM_AFTER}. While calm, a new message is answered
 * in its own webhook; during a flood it is only stored and answered in the background ({@link AnswerLater}). The
 * background gives way to any webhook: it answers when none has arrived for {@link #CALM_AFTER} (or after waiting a
 * while at most, so answers still trickle out of a long flood). Answering, in webhooks and in the background
 * together, never runs more than {@link #limit()} at once.
 */
@ApplicationScoped
class IntakeLoad {

    /** A flood is over when no webhook has found too many others in flight for this long; quiet, when none came. */
    static final Duration CALM_AFTER = Duration.ofMillis(100);

    private final int limit;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Semaphore answering;
    /** System.nanoTime() of the last moment more than {@link #limit} webhooks were in flight. */
    private volatile long floodSeenAt = System.nanoTime() - 2 * CALM_AFTER.toNanos();
    /** System.nanoTime() of the last webhook's arrival. */
    private volatile long arrivalSeenAt = floodSeenAt;

    @Inject
    IntakeLoad(SmsIntakeConfig config) {
        this(config.maxConcurrentAnswers() > 0 ? config.maxConcurrentAnswers()
                : 2 * Runtime.getRuntime().availableProcessors());
    }

    IntakeLoad(int limit) {
        this.limit = limit;
        this.answering = new Semaphore(limit);
    }

    int limit() {
        return limit;
    }

    /** A webhook starts; pair with {@link #leave()}. */
    void enter() {
        long now = System.nanoTime();
        arrivalSeenAt = now;
        if (inFlight.incrementAndGet() > limit) {
            floodSeenAt = now;
        }
    }

    void leave() {
        inFlight.decrementAndGet();
    }

    /** More webhooks in flight than may answer now, or so a moment ago: answering waits. */
    boolean flooded() {
        return inFlight.get() > limit || System.nanoTime() - floodSeenAt < CALM_AFTER.toNanos();
    }

    /** For a webhook: whether it may answer its message now. If true, call {@link #answered()} afterwards. */
    boolean tryAnswerNow() {
        return !flooded() && answering.tryAcquire();
    }

    /** No webhook in flight, and none arrived for {@link #CALM_AFTER}. */
    boolean quiet() {
        return inFlight.get() == 0 && System.nanoTime() - arrivalSeenAt >= CALM_AFTER.toNanos();
    }

    /**
     * For the background: waits until intake is {@link #quiet()}, but at most {@code giveWayAtMost} (so answers
     * still trickle out during a long flood), then for a free answering slot. Call {@link #answered()} afterwards.
     */
    void awaitTurn(Duration giveWayAtMost) throws InterruptedException {
        long until = System.nanoTime() + giveWayAtMost.toNanos();
        while (!quiet() && System.nanoTime() < until) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        answering.acquire();
    }

    void answered() {
        answering.release();
    }
}
