package org.wsdepends.tck.validation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.websocket.server.ServerEndpoint;

import org.wsdepends.Cookie;
import org.wsdepends.Depends;
import org.wsdepends.Header;
import org.wsdepends.Path;
import org.wsdepends.Query;

/** The application {@link ErrorOrderTest} deploys. */
public final class ErrorOrderApp {

    private ErrorOrderApp() {
    }

    public record Dep(String value) {
    }

    @ApplicationScoped
    public static class Deps {
        @Produces @Depends
        Dep dep(@Header("x-dep") String value) {
            return new Dep(value);
        }
    }

    @ServerEndpoint("/mixed/{pid}")
    public static class MixedEndpoint {
        @Inject @Cookie("s") int s;
        @Inject @Query("qq") int qq;
        @Inject @Path("pid") int pid;
        @Inject @Depends Dep dep;
    }
}
