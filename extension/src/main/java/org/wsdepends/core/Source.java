package org.wsdepends.core;

/**
 * Where a handshake value comes from. The order of the constants is FastAPI's order of reporting
 * errors of one dependant: path, query, header, cookie.
 */
public enum Source {
    /** A variable of the endpoint's path template. */
    PATH("path"),
    /** A query parameter. */
    QUERY("query"),
    /** A request header. */
    HEADER("header"),
    /** A cookie of the {@code Cookie} header. */
    COOKIE("cookie");

    private final String loc;

    Source(String loc) {
        this.loc = loc;
    }

    /**
     * The first element of an error's {@code loc}.
     *
     * @return {@code path}, {@code query}, {@code header} or {@code cookie}
     */
    public String loc() {
        return loc;
    }
}
