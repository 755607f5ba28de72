package org.aguavoz.staff;

import io.quarkus.security.AuthenticationFailedException;

/** A login refused unchecked, because its client is still in the delay its wrong passwords earned. */
class LoginDelayedException extends AuthenticationFailedException {

    private final long retryAfterSeconds;

    LoginDelayedException(long retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
