package org.wsdepends.tck.support.payara;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.util.Collection;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The one application {@link PayaraMicroContainer} deploys when it starts Payara Micro: it deploys and undeploys
 * the test WARs in that running server through Payara Micro's own API ({@code PayaraMicroRuntime}, which Payara
 * Micro provides as a CDI bean). {@code PUT /<name>} with the WAR as the body deploys it with the context path
 * {@code /<name>}, {@code DELETE /<name>} undeploys it if it is deployed, {@code GET} answers once the server is up.
 *
 * <p>Runs inside Payara Micro, not in the test JVM; reflection, because Payara Micro's API is not on the test class
 * path (its jar is a launcher that would also change how the tests load classes).
 */
@WebServlet("/*")
public class DeployerServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.getWriter().write("ready");
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getPathInfo().substring(1);
        Object runtime = runtime();
        boolean deployed = (boolean) call(runtime, "deploy", new Class<?>[] {String.class, String.class, java.io.InputStream.class},
                name, "/" + name, request.getInputStream());
        // Payara Micro reports some failed deployments (a CDI definition error) as deployed; they are not listed
        Collection<?> names = (Collection<?>) call(runtime, "getDeployedApplicationNames", new Class<?>[0]);
        if (deployed && names.contains(name)) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR, name + " failed to deploy");
        }
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) {
        String name = request.getPathInfo().substring(1);
        Object runtime = runtime();
        // Arquillian also undeploys a WAR that failed to deploy
        if (((Collection<?>) call(runtime, "getDeployedApplicationNames", new Class<?>[0])).contains(name)) {
            call(runtime, "undeploy", new Class<?>[] {String.class}, name);
        }
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private static Object runtime() {
        return CDI.current().select(runtimeType()).get();
    }

    private static Class<?> runtimeType() {
        try {
            return Class.forName("fish.payara.micro.PayaraMicroRuntime", true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException notPayaraMicro) {
            throw new IllegalStateException("not running in Payara Micro", notPayaraMicro);
        }
    }

    private static Object call(Object runtime, String method, Class<?>[] parameters, Object... arguments) {
        try {
            return runtimeType().getMethod(method, parameters).invoke(runtime, arguments);
        } catch (InvocationTargetException failed) {
            throw new IllegalStateException(method + " failed", failed.getCause());
        } catch (ReflectiveOperationException changedApi) {
            throw new IllegalStateException("PayaraMicroRuntime." + method + " is not callable", changedApi);
        }
    }
}
