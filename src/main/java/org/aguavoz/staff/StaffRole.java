package org.aguavoz.staff;

/** What a staff user may do. The names are the roles checked with {@code @RolesAllowed}. */
public enum StaffRole {
    /** Manages users and settings, and may see every phone number, integrity reporters included. */
    ADMIN,
    /** Acts on tickets, communities and committees. */
    STAFF,
    /** Reads only, and never sees a phone number. */
    VIEWER;

    public String roleName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
