/**
 * Security over WebSockets (design §5): credentials from the handshake as dependencies
 * ({@link org.wsdepends.security.BearerToken}, {@link org.wsdepends.security.ApiKey},
 * {@link org.wsdepends.security.BasicAuth}), the {@link org.wsdepends.security.Identity} of the
 * connection, and the exceptions that refuse it. Stable: changes follow semantic versioning.
 */
package org.wsdepends.security;
