package org.aguavoz.notices;

/** Who is told of a new ticket of a category. */
public enum Route {
    COMMITTEE, AGENCY, BOTH;

    public boolean toCommittee() {
        return this != AGENCY;
    }

    public boolean toAgency() {
        return this != COMMITTEE;
    }
}
