package org.wsdepends.tck.support;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.event.container.AfterDeploy;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;

/**
 * The URL of every deployment, by name, as soon as it is deployed: Arquillian injects URLs only before a test
 * method, so a test that deploys with {@code Deployer} (to undeploy it while a client is connected, or to deploy
 * two applications one after the other) asks here.
 */
public final class DeploymentUrls {

    private static final Map<String, URL> URLS = new ConcurrentHashMap<>();

    @Inject
    private Instance<ProtocolMetaData> metaData;

    /**
     * The URL of a deployment.
     *
     * @param deployment the name in {@code @Deployment(name = ...)}
     * @return its base URL, with the context path
     * @throws IllegalStateException if it is not deployed
     */
    public static URL of(String deployment) {
        URL url = URLS.get(deployment);
        if (url == null) {
            throw new IllegalStateException("the deployment " + deployment + " is not deployed");
        }
        return url;
    }

    void deployed(@Observes AfterDeploy event) throws MalformedURLException {
        for (HTTPContext context : metaData.get().getContexts(HTTPContext.class)) {
            if (!context.getServlets().isEmpty()) {
                URLS.put(event.getDeployment().getName(), context.getServlets().get(0).getBaseURI().toURL());
                return;
            }
        }
    }
}
