package org.wsdepends.tck.support;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.wsdepends.tck.support.embedded.EmbeddedContainer;

/**
 * Registers {@link DeploymentUrls} and the Arquillian container the profile chose ({@code wsdepends.tck.container}): the embedded runtime,
 * which lives in these test sources and must stay out of the server profiles (Arquillian refuses two containers),
 * the one that runs Payara Micro once for all deployments ({@code src/test/payara}, compiled only in the Payara Micro
 * profiles), or Payara Server's container made to pass the events file to the server ({@code src/test/payara-server},
 * compiled only in the payara-server profile). WildFly's container registers itself.
 */
public final class ContainerSelection implements LoadableExtension {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void register(ExtensionBuilder builder) {
        builder.observer(DeploymentUrls.class);
        switch (System.getProperty("wsdepends.tck.container", "embedded")) {
            case "embedded" -> builder.service(DeployableContainer.class, EmbeddedContainer.class);
            case "payara" -> builder.service(DeployableContainer.class,
                    (Class) load("org.wsdepends.tck.support.payara.PayaraMicroContainer", "payara"));
            case "payara-server" -> builder.override(DeployableContainer.class,
                    (Class) load("fish.payara.arquillian.container.payara.managed.PayaraManagedDeployableContainer", "payara-server"),
                    (Class) load("org.wsdepends.tck.support.payara.server.PayaraServerContainer", "payara-server"));
            default -> {
            }
        }
    }

    private static Class<?> load(String name, String profile) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException notInThisProfile) {
            throw new IllegalStateException(name + " is missing: run the " + profile + " profile (mvn -P" + profile + " verify)",
                    notInThisProfile);
        }
    }
}
