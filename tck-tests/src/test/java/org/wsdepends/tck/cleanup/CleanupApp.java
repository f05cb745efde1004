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
import org.wsdepends.tck.support.Tracked;

/** The application {@link CleanupTest} deploys. */
public final class CleanupApp {

    private CleanupApp() {
    }

    public static final class A extends Tracked {
    }

    public static final class B extends Tracked {
    }

    public static final class C extends Tracked {
    }

    /** Its disposer throws instead of recording its close. */
    public static final class Failing extends Tracked {
    }

    public static final class PerMessage extends Tracked {
    }

    @ApplicationScoped
    public static class Resources {
        @Produces @Depends
        A a() {
            return new A();
        }

        void closeA(@Disposes @Depends A a) {
            a.close();
        }

        /** Made from an {@link A}: cleaned up before it. */
        @Produces @Depends
        B b(@Depends A a) {
            return new B();
        }

        void closeB(@Disposes @Depends B b) {
            b.close();
        }

        @Produces @Depends
        C c() {
            return new C();
        }

        void closeC(@Disposes @Depends C c) {
            c.close();
        }

        @Produces @Depends
        Failing failing() {
            return new Failing();
        }

        void closeFailing(@Disposes @Depends Failing failing) {
            Events.add("close Failing throws");
            throw new IllegalStateException("disposer failure on purpose");
        }

        @Produces @Depends
        PerMessage perMessage() {
            return new PerMessage();
        }

        void closePerMessage(@Disposes @Depends PerMessage perMessage) {
            perMessage.close();
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
