package org.aguavoz;

import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.http.ContentType;

/**
 * Communities for tests, created through the API. Each test takes fresh codes, so tests share one database
 * (and one Quarkus start) without seeing each other's data.
 */
public final class TestCommunities {

    private static final AtomicInteger NEXT_CODE = new AtomicInteger(500_000);

    private TestCommunities() {
    }

    public static String freshCode() {
        return Integer.toString(NEXT_CODE.incrementAndGet());
    }

    /** A new community with a fresh code; returns the code. */
    public static String create(String name) {
        String code = freshCode();
        TestStaff.asAdmin().contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\",\"name\":\"" + name + "\"}")
                .post("/api/v1/communities")
                .then().statusCode(201);
        return code;
    }

    /** A current member of the community's committee, through the API. */
    public static void addMember(String code, String name, String phone) {
        TestStaff.asAdmin().contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"phone\":\"" + phone + "\",\"role\":\"member\"}")
                .post("/api/v1/communities/{code}/members", code)
                .then().statusCode(201);
    }
}
