package org.aguavoz.staff;

import java.nio.charset.StandardCharsets;

import at.favre.lib.crypto.bcrypt.BCrypt;

/** bcrypt, through a kept library. Cost 11 takes about 0.1 s here: slow for a guesser, fine for a login. */
final class Passwords {

    private static final int COST = 11;

    /**
     * Compared against when the user does not exist, so a wrong name takes as long as a wrong password. Made once with
     * {@link #hash} ("decoy password that nobody has", cost 11) rather than at class loading, where it cost every
     * start a cold bcrypt; PasswordsTest checks that it has the cost of a real hash.
     */
    static final String DECOY_HASH = "$2a$11$yNubO/lPadYPe/I7YCrXqO6yCTNuw4QoEloY.Qk5482o16c3zfXcW";

    private Passwords() {
    }

    static String hash(String password) {
        return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
    }

    static boolean matches(String password, String hash) {
        return BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8),
                hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    static void spendVerificationTime(String password) {
        matches(password, DECOY_HASH);
    }
}
