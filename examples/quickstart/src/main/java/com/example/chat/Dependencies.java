package com.example.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import org.wsdepends.Depends;
import org.wsdepends.Query;
import org.wsdepends.WebSocketException;

@ApplicationScoped
public class Dependencies {
    @Produces @Depends
    Db db() { return Db.open(); }                                  // code before FastAPI's `yield`
    void close(@Disposes @Depends Db db) { db.close(); }           // code after it: runs after close

    @Produces @Depends
    User user(@Query("token") String token, @Depends Db db) {
        return db.user(token).orElseThrow(() -> new WebSocketException(1008, "Invalid token"));
    }

    @Produces @Depends
    Audit audit() { return new Audit(); }                          // a new one for each message
}
