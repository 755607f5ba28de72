package org.aguavoz.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class AddStaffUser {

    private final StaffUsers users;
    private final AdminConfig adminConfig;

    AddStaffUser(StaffUsers users, AdminConfig adminConfig) {
        this.users = users;
        this.adminConfig = adminConfig;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public StaffUser add(String username, String displayName, StaffRole role, String password) {
        StaffUser user = new StaffUser();
        user.username = username;
        user.displayName = displayName;
        user.role = role;
        user.passwordHash = Passwords.hash(password);
        users.persist(user);
        return user;
    }

    /** Demo users share the admin's password, so the README has one password to give. */
    @Transactional(Transactional.TxType.MANDATORY)
    public StaffUser addWithAdminPassword(String username, String displayName, StaffRole role) {
        return add(username, displayName, role, adminConfig.password());
    }
}
