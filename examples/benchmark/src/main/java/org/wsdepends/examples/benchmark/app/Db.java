package org.wsdepends.examples.benchmark.app;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Stands for a resource with cleanup, such as a database session: opened when a connection opens,
 * closed when it ends. The count of open ones lets the benchmark check that every cleanup ran.
 */
public final class Db {

    private static final AtomicLong OPEN = new AtomicLong();

    private Db() {
    }

    /** @return a new open resource */
    public static Db open() {
        OPEN.incrementAndGet();
        return new Db();
    }

    /** @return how many are open in this server */
    public static long openCount() {
        return OPEN.get();
    }

    /**
     * @param token the client's token
     * @return the user the token stands for
     */
    public User user(String token) {
        return new User("user-" + token);
    }

    /** Closes it. */
    public void close() {
        OPEN.decrementAndGet();
    }

    /** The message both endpoints send when a connection opens: it uses every handshake value. */
    public static String welcome(User user, String room, int limit, String client, String session) {
        return "welcome " + user.name() + " to " + room + " (limit " + limit + ", client " + client + ", session "
                + session + ")";
    }
}
