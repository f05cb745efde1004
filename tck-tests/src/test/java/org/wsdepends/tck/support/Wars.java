package org.wsdepends.tck.support;

import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.wsdepends.Depends;
import org.wsdepends.core.WrapPolicy;
import org.wsdepends.extension.WsDependsExtension;

/**
 * The test WARs, as users build them: the application classes in {@code WEB-INF/classes}, the wsdepends jars in
 * {@code WEB-INF/lib}, a {@code beans.xml}; nothing else to configure. And the {@code ws://} URIs to reach them.
 */
public final class Wars {

    private static final String BEANS_ALL = """
            <beans xmlns="https://jakarta.ee/xml/ns/jakartaee"
                   xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                   xsi:schemaLocation="https://jakarta.ee/xml/ns/jakartaee https://jakarta.ee/xml/ns/jakartaee/beans_4_0.xsd"
                   version="4.0" bean-discovery-mode="all">
            </beans>
            """;

    private Wars() {
    }

    /**
     * A WAR with {@code bean-discovery-mode="all"}.
     *
     * @param name    the WAR's name, which is its context path
     * @param classes the application's classes; their nested classes come along
     * @return the WAR
     */
    public static WebArchive war(String name, Class<?>... classes) {
        return bare(name, classes).addAsWebInfResource(new StringAsset(BEANS_ALL), "beans.xml");
    }

    /**
     * A WAR as {@link #war} builds it, with {@code org.wsdepends.wrap=all} in its {@code META-INF/wsdepends.properties}.
     *
     * @param name    the WAR's name, which is its context path
     * @param classes the application's classes; their nested classes come along
     * @return the WAR
     */
    public static WebArchive wrapAll(String name, Class<?>... classes) {
        return war(name, classes).addAsResource(new StringAsset(WrapPolicy.WRAP_PROPERTY + "=all\n"), "META-INF/wsdepends.properties");
    }

    /**
     * Skips the calling test on the embedded runtime, which deploys a WAR's classes without a servlet container: no
     * servlet context, listeners, initializers or {@code ServerApplicationConfig} scan.
     *
     * @param needs what the test needs, for the skip's reason
     */
    public static void assumeServletContainer(String needs) {
        Assumptions.assumeFalse("embedded".equals(System.getProperty("wsdepends.tck.container", "embedded")),
                "the embedded runtime has no servlet container (" + needs + ")");
    }

    /**
     * A WAR with an empty {@code beans.xml}, which CDI 4 reads as {@code bean-discovery-mode="annotated"}: only
     * classes with a bean-defining annotation are beans, and {@code @ServerEndpoint} is none.
     *
     * @param name    the WAR's name, which is its context path
     * @param classes the application's classes; their nested classes come along
     * @return the WAR
     */
    public static WebArchive annotatedDiscoveryWar(String name, Class<?>... classes) {
        return bare(name, classes).addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    /**
     * The flagship chat's WAR, {@code examples/chat/target/chat.war}, as its module built it; the build copies it
     * to the path in the system property {@code wsdepends.tck.chat-war}.
     *
     * @return the WAR, named chat.war
     * @throws IllegalStateException if the file is missing, with what to run
     */
    public static WebArchive chat() {
        return builtElsewhere("wsdepends.tck.chat-war", "examples/chat");
    }

    /**
     * The README's quick start, {@code examples/quickstart/target/quickstart.war}, as its own pom built it; the
     * build copies it to the path in the system property {@code wsdepends.tck.quickstart-war}.
     *
     * @return the WAR, named quickstart.war
     * @throws IllegalStateException if the file is missing, with what to run
     */
    public static WebArchive quickstart() {
        return builtElsewhere("wsdepends.tck.quickstart-war", "examples/quickstart");
    }

    private static WebArchive builtElsewhere(String property, String module) {
        String war = System.getProperty(property);
        if (war == null || !new File(war).isFile()) {
            throw new IllegalStateException("The WAR " + war + " is missing: the tck-tests build copies it from "
                    + module + " (run mvn verify from the root, or mvn install before -pl tck-tests)");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(war));
    }

    /**
     * The {@code ws://} URI of a path in a deployment, over loopback whatever host the container reported
     * (Payara Micro reports the machine's LAN address).
     *
     * @param base the deployment's URL, as Arquillian injects it
     * @param path the path below the context path, starting with "/", with the query if any
     * @return the URI
     */
    public static URI ws(URL base, String path) {
        return loopback("ws", base, path);
    }

    /**
     * The {@code http://} URI of a path in a deployment, over loopback like {@link #ws}.
     *
     * @param base the deployment's URL, as Arquillian injects it
     * @param path the path below the context path, starting with "/"
     * @return the URI
     */
    public static URI http(URL base, String path) {
        return loopback("http", base, path);
    }

    private static URI loopback(String scheme, URL base, String path) {
        String context = base.getPath().endsWith("/") ? base.getPath().substring(0, base.getPath().length() - 1)
                : base.getPath();
        return URI.create(scheme + "://127.0.0.1:" + base.getPort() + context + path);
    }

    private static WebArchive bare(String name, Class<?>... classes) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addClasses(classes)
                .addClasses(Events.class, Tracked.class)
                .addAsLibraries(jarOf(Depends.class, "wsdepends-api.jar"), jarOf(WsDependsExtension.class, "wsdepends-extension.jar"));
    }

    /** The jar a class was loaded from (the module's jar, or its classes directory within the reactor). */
    private static JavaArchive jarOf(Class<?> type, String name) {
        File location;
        try {
            location = new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
        if (location.isDirectory()) {
            return ShrinkWrap.create(ExplodedImporter.class, name).importDirectory(location).as(JavaArchive.class);
        }
        return ShrinkWrap.createFromZipFile(JavaArchive.class, location);
    }
}
