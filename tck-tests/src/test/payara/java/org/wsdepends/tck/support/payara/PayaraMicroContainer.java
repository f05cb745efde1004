package org.wsdepends.tck.support.payara;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.wsdepends.tck.support.ServerLog;

/**
 * Runs the tests' WARs on one Payara Micro process, started with the run and stopped after it, as WildFly's
 * container does. Payara's own Arquillian container for Payara Micro starts a process per WAR (12-16 s each, most of
 * a run's time) and holds one deployment at a time; this one starts Payara Micro once with {@link DeployerServlet},
 * through which it deploys and undeploys each WAR, with the context path {@code /<WAR name>}.
 *
 * <p>A WAR that fails to deploy is a {@link DeploymentException} with the errors Payara Micro logged meanwhile.
 * Undeploying returns once Payara Micro has undeployed the application, which closes its open connections.
 */
public final class PayaraMicroContainer implements DeployableContainer<PayaraMicroConfiguration> {

    private static final String DEPLOYER = "wsdepends-tck-deployer";
    private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(3);
    private static final long STOP_SECONDS = 60;

    private final HttpClient http = HttpClient.newHttpClient();
    private PayaraMicroConfiguration configuration;
    private Process server;
    private int port;

    @Override
    public Class<PayaraMicroConfiguration> getConfigurationClass() {
        return PayaraMicroConfiguration.class;
    }

    @Override
    public void setup(PayaraMicroConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return new ProtocolDescription("Local");
    }

    @Override
    public void start() throws LifecycleException {
        Path directory = Path.of(configuration.getMicroJar()).toAbsolutePath().getParent();
        File deployer = directory.resolve(DEPLOYER + ".war").toFile();
        ShrinkWrap.create(WebArchive.class, DEPLOYER + ".war").addClass(DeployerServlet.class)
                .addAsWebInfResource(new org.jboss.shrinkwrap.api.asset.StringAsset(
                        "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" bean-discovery-mode=\"all\"/>"), "beans.xml")
                .as(ZipExporter.class).exportTo(deployer, true);
        port = freePort();
        List<String> command = new ArrayList<>();
        // the tests' JDK: mvn under JAVA_HOME=<a JDK 21+> runs Payara Micro 7
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : configuration.getJavaVmArguments().trim().split("\\s+")) {
            if (!option.isEmpty()) {
                command.add(option);
            }
        }
        command.addAll(List.of("-jar", configuration.getMicroJar(), "--nocluster", "--port", Integer.toString(port),
                "--logToFile", configuration.getLogFile(), "--deploy", deployer.getPath()));
        try {
            server = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(directory.resolve("console.log").toFile()).start();
        } catch (IOException notStarted) {
            throw new LifecycleException("cannot start Payara Micro: " + command, notStarted);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(configuration.getStartupTimeoutInSeconds());
        while (!ready()) {
            if (!server.isAlive()) {
                throw new LifecycleException("Payara Micro ended with exit code " + server.exitValue() + " before it was up:\n"
                        + severeLines(ServerLog.text()) + "\n(console: " + directory.resolve("console.log") + ")");
            }
            if (System.nanoTime() > deadline) {
                stop();
                throw new LifecycleException("Payara Micro was not up within " + configuration.getStartupTimeoutInSeconds() + " s");
            }
            sleep();
        }
    }

    @Override
    public void stop() throws LifecycleException {
        if (server == null) {
            return;
        }
        // ended like a Ctrl-C: Payara Micro's shutdown hook stops the applications still deployed
        server.destroy();
        try {
            if (!server.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
                server.destroyForcibly();
                throw new LifecycleException("Payara Micro (pid " + server.pid() + ") did not stop within " + STOP_SECONDS + " s; killed it");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            server.destroyForcibly();
            throw new LifecycleException("interrupted while Payara Micro stopped; killed it", interrupted);
        } finally {
            server = null;
        }
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        String name = archive.getName().replaceFirst("\\.war$", "");
        int logged = ServerLog.text().length();
        HttpResponse<String> response = send(HttpRequest.newBuilder(deployer(name))
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> archive.as(ZipExporter.class).exportAsInputStream())), name);
        if (response.statusCode() != 204) {
            String log = ServerLog.text();
            throw new DeploymentException("Payara Micro did not deploy " + archive.getName() + " (HTTP " + response.statusCode()
                    + "):\n" + severeLines(log.substring(Math.min(logged, log.length()))));
        }
        HTTPContext context = new HTTPContext("127.0.0.1", port);
        context.add(new Servlet("default", "/" + name));
        return new ProtocolMetaData().addContext(context);
    }

    @Override
    public void undeploy(Archive<?> archive) throws DeploymentException {
        String name = archive.getName().replaceFirst("\\.war$", "");
        HttpResponse<String> response = send(HttpRequest.newBuilder(deployer(name)).DELETE(), name);
        if (response.statusCode() != 204) {
            throw new DeploymentException("Payara Micro did not undeploy " + archive.getName() + " (HTTP " + response.statusCode() + ")");
        }
    }

    private URI deployer(String name) {
        return URI.create("http://127.0.0.1:" + port + "/" + DEPLOYER + "/" + name);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String name) throws DeploymentException {
        try {
            return http.send(request.timeout(DEPLOY_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException failed) {
            throw new DeploymentException("cannot reach Payara Micro's deployer for " + name, failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DeploymentException("interrupted while deploying " + name, interrupted);
        }
    }

    private boolean ready() {
        try {
            return http.send(HttpRequest.newBuilder(deployer("")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws LifecycleException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException none) {
            throw new LifecycleException("no free port for Payara Micro", none);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static String severeLines(String log) {
        return log.lines().filter(line -> !line.startsWith("[") || line.contains("[SEVERE]")).collect(Collectors.joining("\n"));
    }
}
