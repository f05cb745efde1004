package org.wsdepends.tck.exceptions;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.Query;
import org.wsdepends.RequestValidationException;
import org.wsdepends.spi.ExceptionHandler;

/** The application {@link ReplacedValidationHandlerTest} deploys. */
public final class ReplacedValidationApp {

    private ReplacedValidationApp() {
    }

    /** A replacement for the default validation handling, like FastAPI's E30. */
    @ServerEndpoint("/replaced")
    public static class ReplacedEndpoint {
        @Inject @Query("n") int n;
    }

    @ApplicationScoped
    public static class ShortValidationErrors implements ExceptionHandler<RequestValidationException> {
        @Override
        public void handle(RequestValidationException exception, Session session) throws IOException {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(4422),
                    exception.errors().size() + " " + exception.errors().get(0).type()));
        }
    }
}
