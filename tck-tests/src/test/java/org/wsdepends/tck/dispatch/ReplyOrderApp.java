package org.wsdepends.tck.dispatch;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.Depends;
import org.wsdepends.Query;

/** The application {@link ReplyOrderTest} deploys. */
public final class ReplyOrderApp {

    private ReplyOrderApp() {
    }

    /** A message-scoped resource whose cleanup reports itself to the peer. */
    public static final class Audit {
        private Session session;
        private String message;

        void record(Session session, String message) {
            this.session = session;
            this.message = message;
        }
    }

    @ApplicationScoped
    public static class Audits {
        @Produces @Depends
        Audit audit() {
            return new Audit();
        }

        void close(@Disposes @Depends Audit audit) throws IOException {
            audit.session.getBasicRemote().sendText("cleanup " + audit.message);
        }
    }

    /** Returns at once; its (large) replies take longer to write than the handler takes to run. */
    @ServerEndpoint("/burst")
    public static class BurstEndpoint {
        @Inject @Query("tag") String tag;

        @OnMessage
        public String echo(String text) {
            return tag + text;
        }
    }

    @ServerEndpoint("/audited")
    public static class AuditedEndpoint {
        @OnMessage
        public String message(String text, Session session, @Depends Audit audit) {
            audit.record(session, text);
            return "ok " + text;
        }
    }
}
