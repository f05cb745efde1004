/**
 * The public API of wsdepends: handshake qualifiers ({@link org.wsdepends.Query},
 * {@link org.wsdepends.Header}, {@link org.wsdepends.Cookie}, {@link org.wsdepends.Path}),
 * {@link org.wsdepends.Depends} dependencies with {@link org.wsdepends.Scope}, and the exceptions
 * that decide how a connection is closed. Stable: changes follow semantic versioning.
 */
package org.wsdepends;
