package org.aguavoz.staff;

/** Role names for {@code @RolesAllowed}, which needs compile-time constants. */
public final class Roles {
    public static final String ADMIN = "admin";
    public static final String STAFF = "staff";
    public static final String VIEWER = "viewer";

    private Roles() {
    }
}
