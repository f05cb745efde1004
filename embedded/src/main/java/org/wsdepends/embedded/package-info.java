/**
 * The embedded runtime: {@link org.wsdepends.embedded.WsDependsServer} runs wsdepends endpoints on Tyrus
 * (Grizzly) with Weld SE, for tests and demos.
 */
package org.wsdepends.embedded;
