package org.wsdepends.extension;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.control.ActivateRequestContext;

/**
 * Runs a callback of a wrapped endpoint in CDI's request context (design §3) through the interceptor
 * CDI provides for it: the context is activated on the calling thread unless it is active already,
 * and ended when the callback returns. The extension adds this class as a bean so that the
 * interceptor applies; it is not part of the API.
 *
 * <p>Not a {@code RequestContextController}: Weld's builds three strings per activation as event
 * payloads (1.2 KiB per message) and must not be shared by threads; the interceptor does neither.
 */
@Dependent
public class RequestContextActivator {

    /**
     * @param callback runs with the request context active
     */
    @ActivateRequestContext
    public void run(Runnable callback) {
        callback.run();
    }
}
