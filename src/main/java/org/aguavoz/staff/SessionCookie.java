package org.aguavoz.staff;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The form login's session cookie, in the format of Quarkus's {@code PersistentLoginManager}: AES-GCM under
 * SHA-256 of the session key, over {@code "<expires millis>:<username>"}, stored as {@code [iv length][iv][cipher]}
 * in Base64. Quarkus keeps no server-side session, so the moment a cookie was last issued (its expiry minus the
 * timeout) is what a logout is compared with.
 */
record SessionCookie(String username, Instant expires) {

    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** When the cookie was issued or last renewed. */
    Instant issued(Duration timeout) {
        return expires.minus(timeout);
    }

    /** Empty when the value is not a cookie made with this key (forged, damaged, or from another key). */
    static Optional<SessionCookie> decrypt(String value, String key) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(value));
            byte[] iv = new byte[bytes.get()];
            bytes.get(iv);
            byte[] encrypted = new byte[bytes.remaining()];
            bytes.get(encrypted);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, aesKey(key), new GCMParameterSpec(TAG_BITS, iv));
            String plain = new String(cipher.doFinal(encrypted), StandardCharsets.UTF_8);
            int colon = plain.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            return Optional.of(new SessionCookie(plain.substring(colon + 1),
                    Instant.ofEpochMilli(Long.parseLong(plain.substring(0, colon)))));
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** What Quarkus would have issued; tests use it to forge cookies with a known or an unknown key. */
    String encrypt(String key) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, aesKey(key), new GCMParameterSpec(TAG_BITS, iv));
            String plain = expires.toEpochMilli() + ":" + username;
            byte[] encrypted = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            ByteBuffer bytes = ByteBuffer.allocate(1 + iv.length + encrypted.length);
            bytes.put((byte) iv.length).put(iv).put(encrypted);
            return Base64.getEncoder().encodeToString(bytes.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SecretKeySpec aesKey(String key) throws GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        return new SecretKeySpec(digest, "AES");
    }
}
