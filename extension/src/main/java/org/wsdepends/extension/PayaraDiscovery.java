package org.wsdepends.extension;

import java.net.URL;
import java.security.CodeSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.enterprise.inject.spi.AfterTypeDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.websocket.server.ServerEndpoint;

/**
 * Finds the endpoint classes CDI did not report. In an archive with
 * {@code bean-discovery-mode="annotated"} (an empty {@code beans.xml}) an endpoint class is no bean,
 * and Payara never reports it (WildFly does: it makes endpoints beans), although its WebSocket
 * container deploys it. So the archives of the classes CDI did report are remembered, and their
 * class files searched for {@code @ServerEndpoint}.
 */
final class PayaraDiscovery {

    private final Map<URL, ClassLoader> archives = new LinkedHashMap<>();

    /** Remembers the archive a reported class was loaded from, if it is a WAR's. */
    void record(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        // only a WAR's archives: there the WebSocket container deploys every endpoint class it finds, while an
        // embedded CDI container (Weld SE) sees just the classes it was given, next to many others
        if (source != null && source.getLocation() != null && source.getLocation().getPath().contains("/WEB-INF/")) {
            archives.putIfAbsent(ClassFiles.archiveOf(source.getLocation(), type.getName()), type.getClassLoader());
        }
    }

    /**
     * Adds the endpoint classes of the remembered archives that {@code wanted} accepts.
     *
     * @param wanted accepts a class not seen yet that wsdepends wraps
     */
    void addUnreported(AfterTypeDiscovery event, BeanManager beanManager, Predicate<Class<?>> wanted) {
        for (Map.Entry<URL, ClassLoader> archive : archives.entrySet()) {
            for (String name : ClassFiles.mentioning(archive.getKey(), ServerEndpoint.class.getName())) {
                Class<?> type;
                try {
                    type = Class.forName(name, false, archive.getValue());
                } catch (ClassNotFoundException | LinkageError unloadable) {
                    continue;
                }
                if (type.isAnnotationPresent(ServerEndpoint.class) && wanted.test(type)) {
                    event.addAnnotatedType(beanManager.createAnnotatedType(type), WsDependsExtension.class.getName() + "/" + name);
                }
            }
        }
        archives.clear();
    }
}
