package org.wsdepends.internal;

import java.util.ServiceLoader;

/**
 * The wrapped endpoints of the running deployment, as the CDI extension found them. The WebSocket
 * container creates the adapters' configurators from {@link WarRegistration}, which the servlet
 * container calls reflectively with no way to pass it objects, so an adapter finds the deployment
 * through a {@link Locator} service that the extension provides.
 */
public interface Deployment {

    /**
     * @param endpointClass a wrapped class
     * @return its runtime
     * @throws IllegalStateException if it is not a wrapped endpoint of this deployment, or the
     *                               deployment has not finished
     */
    EndpointRuntime runtimeFor(Class<?> endpointClass);

    /**
     * @return what answers upgrade requests for endpoints that reject before the upgrade
     * @throws IllegalStateException if the deployment has not finished
     */
    UpgradeGate upgradeGate();

    /**
     * @return the current deployment
     * @throws IllegalStateException if CDI is not running yet, or no locator is installed
     */
    static Deployment current() {
        for (Locator locator : ServiceLoader.load(Locator.class, Deployment.class.getClassLoader())) {
            return locator.current();
        }
        throw new IllegalStateException("no " + Locator.class.getName() + " service: is wsdepends-extension complete?");
    }

    /** Finds the current deployment; implemented by the CDI extension as a {@link ServiceLoader} service. */
    interface Locator {

        /**
         * @return the current deployment
         * @throws IllegalStateException if CDI is not running yet
         */
        Deployment current();
    }
}
