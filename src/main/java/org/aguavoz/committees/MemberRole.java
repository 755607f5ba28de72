package org.aguavoz.committees;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** A member's post on the committee (presidente, secretario, tesorero, fontanero/operador, vocal). */
public enum MemberRole {
    PRESIDENT, SECRETARY, TREASURER, OPERATOR, MEMBER;

    @JsonValue
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
