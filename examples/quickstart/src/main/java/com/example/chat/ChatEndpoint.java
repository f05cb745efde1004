package com.example.chat;

import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.DefaultValue;   // not jakarta.ws.rs.DefaultValue
import org.wsdepends.Depends;
import org.wsdepends.Header;
import org.wsdepends.Path;
import org.wsdepends.Query;

@ServerEndpoint("/rooms/{room}")
public class ChatEndpoint {
    @Inject @Path("room") String room;
    @Inject @Query("token") String token;
    @Inject @Query @DefaultValue("20") @Min(1) @Max(100) int history;
    @Inject @Header("x-client") Optional<String> client;
    @Inject @Depends User user;                      // from a producer below, once per connection

    @OnMessage
    public String onMessage(String text, @Depends Audit audit) {   // per-message dependency
        audit.log(user, text);
        return room + ": " + text;
    }
}
