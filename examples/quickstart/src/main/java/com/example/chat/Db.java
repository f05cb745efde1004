package com.example.chat;

import java.util.Map;
import java.util.Optional;

/** Stands in for your database: opened for each connection, closed when it ends. */
public class Db {
    private static final Map<String, String> USERS_BY_TOKEN = Map.of("t1", "alice", "t2", "bob");

    public static Db open() {
        return new Db();
    }

    public Optional<User> user(String token) {
        return Optional.ofNullable(USERS_BY_TOKEN.get(token)).map(User::new);
    }

    public void close() {
    }
}
