package org.wsdepends.tck.support.payara;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.Archive;
import org.wsdepends.tck.support.ServerLog;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;

/**
 * Payara Micro's Arquillian container (which starts one Payara Micro process per deployment), made to report
 * failed deployments and to undeploy synchronously:
 * <ul>
 * <li>When an application fails to load (a CDI definition error, say), Payara Micro still starts and lists no
 * application, and the adapter returns a context without the application instead of failing: tests would run
 * against nothing, and {@code @ShouldThrowException} could not be honoured. Here "no application deployed" is a
 * {@link DeploymentException} carrying the errors Payara Micro logged.</li>
 * <li>Undeploying only signals the process to stop. Here it waits until the process has ended (its shutdown
 * closes open connections and runs their cleanup, which tests check), and kills it if it does not end in time,
 * so no server outlives its deployment.</li>
 * </ul>
 */
public class CheckedPayaraMicroContainer extends PayaraMicroDeployableContainer {

    private static final long STOP_SECONDS = 60;

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        ProtocolMetaData deployed = super.deploy(archive);
        boolean found = deployed.getContexts(HTTPContext.class).stream().anyMatch(context -> !context.getServlets().isEmpty());
        if (!found) {
            undeploy(archive);
            throw new DeploymentException("Payara Micro did not deploy " + archive.getName() + ":\n" + severeLines());
        }
        return deployed;
    }

    @Override
    public void undeploy(Archive<?> archive) throws DeploymentException {
        // the Payara Micro process is this JVM's only child
        List<ProcessHandle> servers = ProcessHandle.current().children().toList();
        super.undeploy(archive);
        for (ProcessHandle server : servers) {
            try {
                server.onExit().get(STOP_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException stillRunning) {
                server.destroyForcibly();
                throw new DeploymentException("Payara Micro (pid " + server.pid() + ") did not stop within " + STOP_SECONDS
                        + " s after undeploying " + archive.getName() + "; killed it");
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                server.destroyForcibly();
                throw new DeploymentException("interrupted while Payara Micro stopped; killed it", interrupted);
            } catch (ExecutionException impossible) {
                throw new DeploymentException("waiting for Payara Micro to stop failed", impossible);
            }
        }
    }

    private static String severeLines() {
        return ServerLog.text().lines().filter(line -> !line.startsWith("[") || line.contains("[SEVERE]"))
                .collect(Collectors.joining("\n"));
    }
}
