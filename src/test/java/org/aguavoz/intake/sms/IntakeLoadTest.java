package org.aguavoz.intake.sms;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Storing comes first: who may answer a message now, in a webhook or in the background. */
class IntakeLoadTest {

    @Test
    void aWebhookAnswersOnlyWhileIntakeIsCalm() throws InterruptedException {
        IntakeLoad load = new IntakeLoad(2);
        load.enter();
        load.enter();
        assertFalse(load.flooded(), "two webhooks in flight, two may answer");
        assertTrue(load.tryAnswerNow());
        load.answered();
        load.enter();
        assertTrue(load.flooded());
        assertFalse(load.tryAnswerNow(), "a third webhook in flight: only store");
        load.leave();
        assertFalse(load.tryAnswerNow(), "the flood is not over the moment one webhook ends");
        Thread.sleep(IntakeLoad.CALM_AFTER.toMillis() + 50);
        assertFalse(load.flooded(), "calm again");
        assertTrue(load.tryAnswerNow());
        load.answered();
    }

    @Test
    void answeringNeverRunsMoreThanTheLimitAtOnce() {
        IntakeLoad load = new IntakeLoad(2);
        assertTrue(load.tryAnswerNow());
        assertTrue(load.tryAnswerNow());
        assertFalse(load.tryAnswerNow(), "both answering slots taken");
        load.answered();
        assertTrue(load.tryAnswerNow());
    }

    @Test
    void theBackgroundWaitsForQuietIntake() throws InterruptedException {
        IntakeLoad load = new IntakeLoad(4);
        load.enter();
        assertFalse(load.quiet(), "a webhook in flight");
        load.leave();
        assertFalse(load.quiet(), "one just arrived: more may follow");
        Thread.sleep(IntakeLoad.CALM_AFTER.toMillis() + 50);
        assertTrue(load.quiet());
    }

    @Test
    void theBackgroundGivesWayToAFloodButNotForEver() throws InterruptedException {
        IntakeLoad load = new IntakeLoad(1);
        load.enter();
        load.enter();
        Duration giveWay = Duration.ofMillis(100);
        long start = System.nanoTime();
        load.awaitTurn(giveWay);
        assertTrue(System.nanoTime() - start >= giveWay.toNanos(), "waited for the flood first");
        assertFalse(load.tryAnswerNow(), "and then holds the one answering slot");
        load.answered();
    }

    @Test
    void theBackgroundWaitsForAFreeSlot() throws InterruptedException {
        IntakeLoad load = new IntakeLoad(1);
        assertTrue(load.tryAnswerNow());
        Thread background = new Thread(() -> {
            try {
                load.awaitTurn(Duration.ZERO);
                load.answered();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        background.start();
        background.join(200);
        assertTrue(background.isAlive(), "the slot is taken by a webhook");
        load.answered();
        background.join(10_000);
        assertFalse(background.isAlive());
    }
}
