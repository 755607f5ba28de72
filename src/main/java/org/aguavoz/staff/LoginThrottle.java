package org.aguavoz.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Wrong passwords slow down the client that sends them, never the account: one counter per client address and one
 * per account at that address, in the database so that every instance counts and obeys them. The n-th failure in a
 * row delays the counter's next login by {@code firstDelay * 2^(n-1)}, at most {@code maxDelay}; the address's own
 * counter starts delaying only after its free failures. A right password from an address clears that account's
 * counter there. Logins that arrive together are all checked before the first failure is counted: a burst is
 * bounded by the worker threads and bcrypt's cost, not by this table.
 */
@ApplicationScoped
class LoginThrottle {

    /** The username of an address's own counter, across all accounts. */
    static final String ANY_ACCOUNT = "";
    /** Names longer than any staff username share a row rather than filling the table. */
    static final int MAX_KEY_LENGTH = 64;

    private static final String DELAY_AFTER = """
            (case when {n} <= ?6 then 0 else least(?4 * power(2, least({n} - ?6 - 1, 30)), ?7) end
             * interval '1 millisecond')""";
    private static final String FAILURES =
            "(case when t.last_failure_at > cast(?5 as timestamptz) then t.failures + 1 else 1 end)";
    /** One statement: concurrent failures on any instance each add exactly one, and the delay only grows. */
    private static final String COUNT_FAILURE = """
            insert into login_throttle as t (client_address, username, failures, last_failure_at, blocked_until)
            values (?1, ?2, 1, cast(?3 as timestamptz), cast(?3 as timestamptz) + %s)
            on conflict (client_address, username) do update set
                failures = %s,
                last_failure_at = greatest(t.last_failure_at, cast(?3 as timestamptz)),
                blocked_until = greatest(t.blocked_until, cast(?3 as timestamptz) + %s)
            returning failures, (extract(epoch from blocked_until) * 1000)::bigint"""
            .formatted(DELAY_AFTER.replace("{n}", "1"), FAILURES, DELAY_AFTER.replace("{n}", FAILURES));

    private final EntityManager em;
    private final LoginConfig.Login config;
    private final Clock clock;

    LoginThrottle(EntityManager em, LoginConfig config, Clock clock) {
        this.em = em;
        this.config = config.login();
        this.clock = clock;
    }

    /** Where a client stands before its password is looked at. */
    record Standing(Instant delayedUntil, boolean accountHasFailures) {

        boolean delayedAt(Instant now) {
            return delayedUntil != null && delayedUntil.isAfter(now);
        }

        /** Whole seconds, rounded up, for Retry-After. */
        long secondsLeftAt(Instant now) {
            long millis = Duration.between(now, delayedUntil).toMillis();
            return Math.max(1, (millis + 999) / 1000);
        }
    }

    /** The counters after a failure, and until when this client must wait. */
    record Failure(int accountFailures, int addressFailures, Instant delayedUntil) {
    }

    @Transactional
    @SuppressWarnings("unchecked")
    Standing standing(String client, String username) {
        List<Object[]> rows = em.createNativeQuery("""
                        select username, (extract(epoch from blocked_until) * 1000)::bigint from login_throttle
                        where client_address = ?1 and username in (?2, ?3)""")
                .setParameter(1, client)
                .setParameter(2, ANY_ACCOUNT)
                .setParameter(3, account(username))
                .getResultList();
        Instant until = null;
        boolean accountHasFailures = false;
        for (Object[] row : rows) {
            Instant rowUntil = Instant.ofEpochMilli(((Number) row[1]).longValue());
            until = until == null || rowUntil.isAfter(until) ? rowUntil : until;
            accountHasFailures |= !ANY_ACCOUNT.equals(row[0]);
        }
        return new Standing(until, accountHasFailures);
    }

    @Transactional
    Failure countFailure(String client, String username) {
        Instant now = clock.instant();
        Object[] address = count(client, ANY_ACCOUNT, config.freeFailuresPerAddress(), now);
        Instant until = Instant.ofEpochMilli(((Number) address[1]).longValue());
        int accountFailures = 0;
        // A blank name can open no account, and its row would be the address's own.
        if (!account(username).isEmpty()) {
            Object[] account = count(client, account(username), 0, now);
            accountFailures = ((Number) account[0]).intValue();
            Instant accountUntil = Instant.ofEpochMilli(((Number) account[1]).longValue());
            until = accountUntil.isAfter(until) ? accountUntil : until;
        }
        return new Failure(accountFailures, ((Number) address[0]).intValue(), until);
    }

    /** A right password: this account at this address starts again from zero. The address's counter stays. */
    @Transactional
    void forgive(String client, String username) {
        em.createNativeQuery("delete from login_throttle where client_address = ?1 and username = ?2")
                .setParameter(1, client)
                .setParameter(2, account(username))
                .executeUpdate();
    }

    /** Rows nobody needs any more; a scheduled sweep, so no login pays for it. */
    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void forgetOldFailures() {
        Instant now = clock.instant();
        em.createNativeQuery("delete from login_throttle where last_failure_at <= ?1 and blocked_until <= ?2")
                .setParameter(1, now.minus(config.forgetAfter()))
                .setParameter(2, now)
                .executeUpdate();
    }

    private Object[] count(String client, String account, int freeFailures, Instant now) {
        return (Object[]) em.createNativeQuery(COUNT_FAILURE)
                .setParameter(1, client)
                .setParameter(2, account)
                .setParameter(3, now)
                .setParameter(4, (double) config.firstDelay().toMillis())
                .setParameter(5, now.minus(config.forgetAfter()))
                .setParameter(6, freeFailures)
                .setParameter(7, (double) config.maxDelay().toMillis())
                .getSingleResult();
    }

    static String account(String username) {
        return username.length() > MAX_KEY_LENGTH ? username.substring(0, MAX_KEY_LENGTH) : username;
    }
}
