package org.wsdepends.tck.depends.routed;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.Depends;
import org.wsdepends.tck.depends.DependsApp;

/** FastAPI's test_routerindex: package marks, then class marks, then the endpoint's own dependency. */
@ServerEndpoint("/routed")
@Depends(DependsApp.ClassMark.class)
public class RoutedEndpoint {
    @Inject @Depends List<String> marks;

    @OnOpen
    public void open(Session session) throws java.io.IOException {
        session.getBasicRemote().sendText(String.join(",", marks));
    }
}
