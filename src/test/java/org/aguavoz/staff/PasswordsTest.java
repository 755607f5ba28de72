package org.aguavoz.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    @Test
    void theDecoyCostsWhatARealPasswordCosts() {
        // "$2a$11$": the algorithm's version and the cost, which sets how long a verification takes.
        assertEquals(Passwords.hash("any password").substring(0, 7), Passwords.DECOY_HASH.substring(0, 7));
        assertTrue(Passwords.matches("decoy password that nobody has", Passwords.DECOY_HASH));
        assertFalse(Passwords.matches("agua-demo-2026", Passwords.DECOY_HASH));
    }
}
