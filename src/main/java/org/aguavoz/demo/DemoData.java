package org.aguavoz.demo;

import java.math.BigDecimal;
import java.util.List;

/** The shape of {@code demo/berriozabal.json}. */
record DemoData(List<DemoCommunity> communities, List<PastMember> pastMembers, List<String> reporters,
        List<DemoTicket> tickets, List<DemoStaff> staff) {

    record DemoCommunity(String code, String name, List<String> aliases, BigDecimal latitude, BigDecimal longitude,
            List<DemoMember> members) {
    }

    record DemoMember(String name, String phone, String role) {
    }

    record PastMember(String community, String name, String phone, String role, int startedDaysAgo,
            int endedDaysAgo) {
    }

    record DemoTicket(String community, String category, int reporter, int hoursAgo, String description,
            String status, String by, String note, boolean anonymous) {
    }

    record DemoStaff(String username, String displayName, String role) {
    }
}
