package org.wsdepends.tck.cleanup;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.Depends;
import org.wsdepends.Scope;
import org.wsdepends.WebSocketException;
import org.wsdepends.tck.support.Events;

/** The application {@link CleanupTest} deploys. */
public final class CleanupApp {

    private CleanupApp() {
    }

    public record A(String name) {
    }

    public record B(A a) {
    }

    public record C(String name) {
    }

    public record Failing(String name) {
    }

    public record PerMessage(String name) {
    }

    @ApplicationScoped
    public static class Resources {
        @Produces @Depends
        A a() {
            Events.add("open A");
            return new A("a");
        }

        void closeA(@Disposes @Depends A a) {
            Events.add("close A");
        }

        @Produces @Depends
        B b(@Depends A a) {
            Events.add("open B");
            return new B(a);
        }

        void closeB(@Disposes @Depends B b) {
            Events.add("close B");
        }

        @Produces @Depends
        C c() {
            Events.add("open C");
            return new C("c");
        }

        void closeC(@Disposes @Depends C c) {
            Events.add("close C");
        }

        @Produces @Depends
        Failing failing() {
            Events.add("open Failing");
            return new Failing("f");
        }

        void closeFailing(@Disposes @Depends Failing failing) {
            Events.add("close Failing throws");
            throw new IllegalStateException("disposer failure on purpose");
        }

        @Produces @Depends
        PerMessage perMessage() {
            Events.add("open PerMessage");
            return new PerMessage("m");
        }

        void closePerMessage(@Disposes @Depends PerMessage perMessage) {
            Events.add("close PerMessage");
        }
    }

    @ServerEndpoint("/order")
    public static class OrderEndpoint {
        @Inject @Depends C c;
        @Inject @Depends B b;

        @OnMessage
        public String message(String text, Session session, @Depends PerMessage perMessage,
                @Depends(scope = Scope.CONNECTION) A a) throws IOException {
            Events.add("message " + text);
            if (text.equals("close")) {
                session.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "bye"));
                Events.add("closed by endpoint");
                return null;
            }
            if (text.equals("fail")) {
                throw new WebSocketException(4001, "failed on purpose");
            }
            return "ok " + text;
        }

        @OnClose
        public void onClose(CloseReason reason) {
            Events.add("@OnClose " + reason.getCloseCode().getCode());
        }
    }

    @ServerEndpoint("/failing-disposer")
    public static class FailingDisposerEndpoint {
        @Inject @Depends A a;
        @Inject @Depends Failing failing;
        @Inject @Depends C c;

        @OnMessage
        public String message(String text) {
            return text;
        }
    }
}
