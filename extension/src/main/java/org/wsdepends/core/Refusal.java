package org.wsdepends.core;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;

import org.wsdepends.RequestValidationException;
import org.wsdepends.WebSocketException;
import org.wsdepends.security.ForbiddenException;
import org.wsdepends.security.NotAuthenticatedException;

/**
 * The HTTP answer to a handshake that failed before the upgrade (design §5, "Rejection before the upgrade"): a
 * status, headers and an {@code application/json} body in FastAPI's shape. The same failures in the default mode
 * give the error frame and close 1008; the validation errors are the same list.
 *
 * @param status  the HTTP status
 * @param headers the headers besides {@code Content-Type} and {@code Content-Length}, in order; a name may repeat
 * @param body    the JSON body
 */
public record Refusal(int status, List<Map.Entry<String, String>> headers, String body) {

    /** What a {@code 503} asks the client to wait, in seconds: RFC 6455's 1013 "try again later" gives no time. */
    public static final String RETRY_AFTER_SECONDS = "5";

    private static final String NOT_AUTHENTICATED = "Not authenticated";
    private static final String FORBIDDEN = "Forbidden";
    private static final String INTERNAL_ERROR = "Internal server error";

    /**
     * The answer to a failure of resolution, roles or identity before the upgrade.
     *
     * @param failure    what resolution threw
     * @param challenges the {@code WWW-Authenticate} challenges of the endpoint ({@link #challenges(Dependant)})
     * @return the answer; status 500 for a failure nobody chose to answer, which the caller logs
     */
    public static Refusal of(Throwable failure, List<String> challenges) {
        if (failure instanceof RequestValidationException invalid) {
            return new Refusal(422, List.of(), ErrorReports.detailFrame(invalid.errors()));
        }
        if (failure instanceof NotAuthenticatedException) {
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            for (String challenge : challenges) {
                headers.add(Map.entry("WWW-Authenticate", challenge));
            }
            return new Refusal(401, List.copyOf(headers), detail(NOT_AUTHENTICATED));
        }
        if (failure instanceof ForbiddenException) {
            return forbidden(FORBIDDEN);
        }
        if (failure instanceof WebSocketException close && close.code() == 1008) {
            return forbidden(close.reason());
        }
        if (failure instanceof WebSocketException close && close.code() == 1013) {
            return new Refusal(503, List.of(Map.entry("Retry-After", RETRY_AFTER_SECONDS)), detail(close.reason()));
        }
        return new Refusal(500, List.of(), detail(INTERNAL_ERROR));
    }

    /**
     * A {@code 403} with its reason, for a refusal that is no exception, such as a refused origin.
     *
     * @param reason the detail
     * @return {@code 403 {"detail":"<reason>"}}
     */
    public static Refusal forbidden(String reason) {
        return new Refusal(403, List.of(), detail(reason));
    }

    /**
     * The challenges of the credential schemes an endpoint's connection declares, directly or through its
     * dependencies, in declaration order, each once.
     *
     * @param connection what the endpoint resolves when a connection opens
     * @return the challenges, e.g. {@code [Bearer, Basic realm="wsdepends"]}
     */
    public static List<String> challenges(Dependant connection) {
        Set<String> challenges = new LinkedHashSet<>();
        collect(connection, challenges, new HashSet<>());
        return List.copyOf(challenges);
    }

    /** @return whether the failure was unexpected (the status is 500) */
    public boolean unexpected() {
        return status == 500;
    }

    private static void collect(Dependant dependant, Set<String> challenges, Set<Dependency> seen) {
        for (Input input : dependant.inputs()) {
            if (input instanceof Input.Secret secret) {
                challenges.add(secret.credential().challenge());
            } else if (input instanceof Input.Dep dep && seen.add(dep.dependency())) {
                collect(dep.dependency().inputs(), challenges, seen);
            }
        }
    }

    private static String detail(String text) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = Json.createGenerator(out)) {
            json.writeStartObject().write("detail", text == null ? "" : text).writeEnd();
        }
        return out.toString();
    }
}
