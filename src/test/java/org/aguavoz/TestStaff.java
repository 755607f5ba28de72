package org.aguavoz;

import static io.restassured.RestAssured.given;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;
import org.aguavoz.staff.AddStaffUser;
import org.aguavoz.staff.StaffRole;
import org.aguavoz.staff.StaffUsers;

/** Staff accounts for API tests: the admin from the test profile, plus a staff and a viewer account. */
public final class TestStaff {

    public static final String ADMIN_PASSWORD = "agua-test-2026";
    public static final String PASSWORD = "test-password-1";

    private TestStaff() {
    }

    public static RequestSpecification asAdmin() {
        return given().auth().preemptive().basic("admin", ADMIN_PASSWORD);
    }

    public static RequestSpecification asStaff() {
        ensure("test-staff", StaffRole.STAFF);
        return given().auth().preemptive().basic("test-staff", PASSWORD);
    }

    public static RequestSpecification asViewer() {
        ensure("test-viewer", StaffRole.VIEWER);
        return given().auth().preemptive().basic("test-viewer", PASSWORD);
    }

    private static void ensure(String username, StaffRole role) {
        QuarkusTransaction.requiringNew().run(() -> {
            StaffUsers users = Arc.container().instance(StaffUsers.class).get();
            if (users.byUsername(username).isEmpty()) {
                Arc.container().instance(AddStaffUser.class).get().add(username, username, role, PASSWORD);
            }
        });
    }
}
