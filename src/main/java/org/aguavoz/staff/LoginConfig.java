package org.aguavoz.staff;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Who is logging in from where, and how wrong passwords slow that client down. */
@ConfigMapping(prefix = "aguavoz")
public interface LoginConfig {

    /**
     * AGUAVOZ_TRUSTED_PROXIES: addresses or CIDR ranges of the reverse proxies in front of the app, comma-separated
     * (e.g. {@code 10.0.0.5,172.16.0.0/12}). Only a connection from one of them may name the client in
     * {@code X-Forwarded-For}: the client is the rightmost address there that is not itself a trusted proxy. Anyone
     * else could write any address in that header, so without this setting (the default) the client is the
     * connection's own address. A bad entry stops the start.
     */
    Optional<List<String>> trustedProxies();

    Login login();

    interface Login {

        /** The delay after a client's first wrong password; each further one doubles it (1 s, 2 s, 4 s...). */
        @WithDefault("PT1S")
        Duration firstDelay();

        /** The longest delay: a guesser gets about one try a minute, a person who mistyped waits a minute at most. */
        @WithDefault("PT1M")
        Duration maxDelay();

        /**
         * Wrong passwords an address may send, across all accounts, before the whole address is slowed down too.
         * A committee's office shares one address; its typos should not slow everyone there. Each account at an
         * address is slowed from its first wrong password.
         */
        @WithDefault("5")
        @Min(0)
        @Max(1000)
        int freeFailuresPerAddress();

        /** A counter starts from zero again when its last wrong password is this old. */
        @WithDefault("PT15M")
        Duration forgetAfter();
    }
}
