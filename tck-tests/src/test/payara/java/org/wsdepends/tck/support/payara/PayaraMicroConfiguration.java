package org.wsdepends.tck.support.payara;

import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

/** The {@code payara} container's properties in {@code arquillian.xml}; see {@link PayaraMicroContainer}. */
public final class PayaraMicroConfiguration implements ContainerConfiguration {

    private String microJar;
    private String javaVmArguments = "";
    private String logFile;
    private int startupTimeoutInSeconds = 180;

    @Override
    public void validate() throws ConfigurationException {
        if (microJar == null || logFile == null) {
            throw new ConfigurationException("arquillian.xml must set microJar and logFile of the payara container");
        }
    }

    /** @return the Payara Micro jar to run */
    public String getMicroJar() {
        return microJar;
    }

    public void setMicroJar(String microJar) {
        this.microJar = microJar;
    }

    /** @return the server JVM's options, separated by spaces */
    public String getJavaVmArguments() {
        return javaVmArguments;
    }

    public void setJavaVmArguments(String javaVmArguments) {
        this.javaVmArguments = javaVmArguments;
    }

    /** @return the server log ({@code --logToFile}) */
    public String getLogFile() {
        return logFile;
    }

    public void setLogFile(String logFile) {
        this.logFile = logFile;
    }

    /** @return how long Payara Micro may take to start */
    public int getStartupTimeoutInSeconds() {
        return startupTimeoutInSeconds;
    }

    public void setStartupTimeoutInSeconds(int startupTimeoutInSeconds) {
        this.startupTimeoutInSeconds = startupTimeoutInSeconds;
    }
}
