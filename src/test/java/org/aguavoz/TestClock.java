package org.aguavoz;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * The application's clock in tests: real time, shifted by an offset a test may move forward (deadlines, quiet
 * hours) instead of sleeping. A test that moves it calls {@link #reset()} when it ends, so the next test runs on real
 * time again.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** From now on the clock reads {@code moment}, and keeps running from there. */
    public void setTo(Instant moment) {
        offset = Duration.between(Instant.now(), moment);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("AguaVoz works in UTC and converts with the agency's zone");
    }
}
