package org.aguavoz.phones;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns phone numbers as people type them into E.164, with libphonenumber. */
@ApplicationScoped
public class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final String defaultRegion;

    public PhoneNumbers(PhoneConfig config) {
        this.defaultRegion = config.defaultRegion();
        if (!UTIL.getSupportedRegions().contains(defaultRegion)) {
            throw new IllegalArgumentException("aguavoz.phone.default-region: unknown region " + defaultRegion);
        }
    }

    /** The number in E.164, or empty when it is not a valid number of any country. */
    public Optional<PhoneNumber> parse(String typed) {
        return parse(typed, defaultRegion);
    }

    /** Whether the number belongs to the agency's own country (AGUAVOZ_PHONE_DEFAULT_REGION). */
    public boolean isLocal(PhoneNumber number) {
        try {
            return defaultRegion.equals(UTIL.getRegionCodeForNumber(UTIL.parse(number.e164(), defaultRegion)));
        } catch (NumberParseException e) {
            return false;
        }
    }

    static Optional<PhoneNumber> parse(String typed, String region) {
        if (typed == null || typed.isBlank() || typed.length() > 40) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(dropMexicanMobilePrefix(typed.strip()), region);
            if (!UTIL.isValidNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(new PhoneNumber(UTIL.format(number, PhoneNumberFormat.E164)));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Mexico dropped the mobile "1" after +52 (and the 044/045 dialling prefixes) in 2019, but people and old
     * phone books still write "+52 1 961 …" or "044 961 …". Both mean the same ten-digit number.
     */
    private static String dropMexicanMobilePrefix(String typed) {
        String digits = typed.replaceAll("[^0-9+]", "");
        if (digits.matches("\\+521[0-9]{10}")) {
            return "+52" + digits.substring(4);
        }
        if (digits.matches("04[45][0-9]{10}")) {
            return digits.substring(3);
        }
        return typed;
    }
}
