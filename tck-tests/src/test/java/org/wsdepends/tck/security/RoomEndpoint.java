package org.wsdepends.tck.security;

import java.io.IOException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.Depends;
import org.wsdepends.security.Identity;
import org.wsdepends.tck.support.Events;

/**
 * Users may talk; only admins may kick, checked for every message. Deployed with an identity producer
 * ({@link SecurityApp}) and with the container's identity ({@link ContainerSecurityApp}).
 */
@ServerEndpoint("/room")
@RolesAllowed({"user", "admin"})
public class RoomEndpoint {
    @Inject @Depends Identity identity;

    @OnOpen
    public void open(Session session) throws IOException {
        session.getBasicRemote().sendText("welcome " + identity.name());
    }

    @OnMessage
    @RolesAllowed("admin")
    public String kick(String who) {
        Events.add("kicked " + who);
        return "kicked " + who;
    }
}
