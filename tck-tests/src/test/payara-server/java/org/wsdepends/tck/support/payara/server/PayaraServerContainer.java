package org.wsdepends.tck.support.payara.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;

import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.Archive;
import org.wsdepends.tck.support.Events;

import fish.payara.arquillian.container.payara.managed.PayaraManagedContainerConfiguration;
import fish.payara.arquillian.container.payara.managed.PayaraManagedDeployableContainer;

/**
 * Payara's Arquillian container for Payara Server, which starts the unpacked server's {@code domain1} with
 * {@code asadmin start-domain} at the first deployment and deploys every WAR to it, with two changes:
 * <ul>
 * <li>The domain's JVM also gets {@code wsdepends.tck.events}, so what the deployed code records reaches the tests:
 * the container has no option for the server's JVM, which reads its options from {@code domain.xml}.</li>
 * <li>A failed deployment is a {@link DeploymentException} carrying Payara's report as its message, as on the other
 * runtimes. Payara's container sets its REST client's exception as the cause, and Arquillian matches
 * {@code @ShouldThrowException(DeploymentException.class)} against the causes only.</li>
 * </ul>
 */
public class PayaraServerContainer extends PayaraManagedDeployableContainer {

    private static final String OPTION = "-D" + Events.FILE_PROPERTY + "=";

    private Path domainXml;

    @Override
    public void setup(PayaraManagedContainerConfiguration configuration) {
        super.setup(configuration);
        domainXml = Path.of(configuration.getPayaraHome(), "glassfish", "domains", configuration.getDomain(), "config", "domain.xml");
    }

    @Override
    public void start() throws LifecycleException {
        try {
            String xml = Files.readString(domainXml, StandardCharsets.UTF_8);
            String option = "<jvm-options>" + OPTION + System.getProperty(Events.FILE_PROPERTY) + "</jvm-options>";
            // the first <java-config> is the server's (server-config); an earlier run's option is replaced
            String updated = xml.replaceAll("\\s*<jvm-options>" + OPTION + "[^<]*</jvm-options>", "")
                    .replaceFirst("(<java-config[^>]*>)", "$1" + Matcher.quoteReplacement(option));
            Files.writeString(domainXml, updated, StandardCharsets.UTF_8);
        } catch (IOException unwritable) {
            throw new LifecycleException("cannot set " + OPTION + " in " + domainXml, unwritable);
        }
        super.start();
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        try {
            return super.deploy(archive);
        } catch (DeploymentException failed) {
            Throwable report = failed.getCause() != null ? failed.getCause() : failed;
            throw new DeploymentException(failed.getMessage() + ": " + report.getMessage());
        }
    }
}
