package org.aguavoz.open311;

/**
 * A request Open311 clients must be told is wrong. Answered as the spec's error array,
 * {@code [{"code":400,"description":"…"}]}, not as the problem documents of the staff API: GeoReport clients parse
 * that shape.
 */
class Open311Error extends RuntimeException {

    record Body(int code, String description) {
    }

    private final int code;

    private Open311Error(int code, String description) {
        super(description, null, false, false);
        this.code = code;
    }

    static Open311Error badRequest(String description) {
        return new Open311Error(400, description);
    }

    static Open311Error notFound(String description) {
        return new Open311Error(404, description);
    }

    int code() {
        return code;
    }
}
