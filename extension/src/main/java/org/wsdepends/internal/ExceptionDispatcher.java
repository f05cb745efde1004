package org.wsdepends.internal;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.websocket.Session;

import org.wsdepends.RequestValidationException;
import org.wsdepends.WebSocketException;
import org.wsdepends.core.ErrorReports;
import org.wsdepends.security.ForbiddenException;
import org.wsdepends.security.NotAuthenticatedException;
import org.wsdepends.spi.ExceptionContext;
import org.wsdepends.spi.ExceptionHandler;

/**
 * Chooses what happens on an exception: the {@link ExceptionHandler} of the most specific supertype
 * wins, ties go to the higher {@code @Priority}; wsdepends' own handling has the lowest priority. It
 * returns the decision as an {@link Outcome} that the connection carries out.
 */
final class ExceptionDispatcher {

    private static final System.Logger LOG = System.getLogger("org.wsdepends");
    private static final Outcome INTERNAL_ERROR = new Outcome.Close(1011, "Internal server error");
    // FastAPI's bodies (design §5); the close reasons are the exceptions' own
    private static final Outcome NOT_AUTHENTICATED = new Outcome.FrameThenClose("{\"detail\":\"Not authenticated\"}", 1008,
            "Not authenticated");
    private static final Outcome FORBIDDEN = new Outcome.FrameThenClose("{\"detail\":\"Forbidden\"}", 1008, "Forbidden");
    private static final Outcome FORBIDDEN_MESSAGE = new Outcome.Frame("{\"detail\":\"Forbidden\"}");

    private interface Handling {
        Outcome decide(Throwable exception, Session session, ExceptionContext context) throws Exception;
    }

    private record Candidate(int priority, Handling handling) {
    }

    private final Map<Class<?>, List<Candidate>> byType = new HashMap<>();

    ExceptionDispatcher(List<ExceptionHandlers.Registration> users) {
        for (ExceptionHandlers.Registration user : users) {
            add(user.handled(), new Candidate(user.priority(), (exception, session, context) -> {
                user.handler().get().handle(exception, session, context);
                return Outcome.HANDLED;
            }));
        }
        add(RequestValidationException.class, new Candidate(Integer.MIN_VALUE, ExceptionDispatcher::validationFailed));
        add(NotAuthenticatedException.class, new Candidate(Integer.MIN_VALUE, (exception, session, context) -> NOT_AUTHENTICATED));
        add(ForbiddenException.class, new Candidate(Integer.MIN_VALUE, (exception, session, context) ->
                context.phase() == ExceptionContext.Phase.MESSAGE ? FORBIDDEN_MESSAGE : FORBIDDEN));
        add(WebSocketException.class, new Candidate(Integer.MIN_VALUE, ExceptionDispatcher::closeAsAsked));
        add(Throwable.class, new Candidate(Integer.MIN_VALUE, ExceptionDispatcher::unexpected));
        byType.values().forEach(list -> list.sort(Comparator.comparingInt(Candidate::priority).reversed()));
    }

    /**
     * @param exception what was thrown
     * @param session   the connection
     * @param context   where it happened
     * @return what the connection does
     */
    Outcome dispatch(Throwable exception, Session session, ExceptionContext context) {
        Handling handling = null;
        for (Class<?> type = exception.getClass(); handling == null; type = type.getSuperclass()) {
            List<Candidate> candidates = byType.get(type);
            if (candidates != null) {
                handling = candidates.get(0).handling();
            }
        }
        try {
            return handling.decide(exception, session, context);
        } catch (Exception | LinkageError failure) {
            failure.addSuppressed(exception);
            LOG.log(Level.ERROR, "The exception handler for " + exception.getClass().getName() + " in " + context.endpoint()
                    + " threw; closing with 1011", failure);
            return INTERNAL_ERROR;
        }
    }

    private void add(Class<?> type, Candidate candidate) {
        byType.computeIfAbsent(type, key -> new ArrayList<>()).add(candidate);
    }

    private static Outcome validationFailed(Throwable exception, Session session, ExceptionContext context) {
        RequestValidationException invalid = (RequestValidationException) exception;
        String frame = ErrorReports.detailFrame(invalid.errors());
        return context.phase() == ExceptionContext.Phase.MESSAGE ? new Outcome.Frame(frame)
                : new Outcome.FrameThenClose(frame, 1008, ErrorReports.closeReason(invalid.errors()));
    }

    private static Outcome closeAsAsked(Throwable exception, Session session, ExceptionContext context) {
        WebSocketException close = (WebSocketException) exception;
        return new Outcome.Close(close.code(), ErrorReports.shorten(close.reason()));
    }

    private static Outcome unexpected(Throwable exception, Session session, ExceptionContext context) {
        LOG.log(Level.ERROR, "Unhandled exception in " + context.endpoint() + "; closing with 1011", exception);
        return INTERNAL_ERROR;
    }
}
