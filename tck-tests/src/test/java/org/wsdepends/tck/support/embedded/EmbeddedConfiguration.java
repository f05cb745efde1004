package org.wsdepends.tck.support.embedded;

import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

/** The embedded container has nothing to configure: every deployment gets its own server on a free port. */
public final class EmbeddedConfiguration implements ContainerConfiguration {

    @Override
    public void validate() {
    }
}
