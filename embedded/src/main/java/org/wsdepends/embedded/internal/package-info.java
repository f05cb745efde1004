/**
 * Implementation details of the embedded runtime that must be public for Tyrus's service loader. Not API: no
 * compatibility between versions.
 */
package org.wsdepends.embedded.internal;
