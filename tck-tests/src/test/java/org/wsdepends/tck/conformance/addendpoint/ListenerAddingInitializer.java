package org.wsdepends.tck.conformance.addendpoint;

import java.util.Set;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;

/**
 * An application's {@code ServletContainerInitializer}, in a {@code WEB-INF/lib} jar of its own, that registers the
 * scanned {@link AddEndpointApp.Registered} again from a listener it adds, whatever the container offers in
 * {@code onStartup}: its listener runs after every listener added by an initializer that ran before it.
 */
public class ListenerAddingInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        context.addListener(new AddEndpointApp.Registration());
    }
}
