package org.wsdepends.extension;

import jakarta.enterprise.inject.spi.CDI;

import org.wsdepends.internal.Deployment;

/** Finds the deployment of the calling application through {@code CDI.current()}. Not API. */
public final class CdiDeploymentLocator implements Deployment.Locator {

    @Override
    public Deployment current() {
        try {
            return CDI.current().getBeanManager().getExtension(WsDependsExtension.class).registry();
        } catch (IllegalArgumentException notInThisDeployment) {
            throw new IllegalStateException("wsdepends' CDI extension is not part of this deployment", notInThisDeployment);
        }
    }
}
