package org.aguavoz.staff;

import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class StaffUsers implements PanacheRepository<StaffUser> {

    public Optional<StaffUser> byUsername(String username) {
        return find("username", username).firstResultOptional();
    }
}
