/**
 * A package with a router-level {@code @Depends}: every endpoint class in it uses wsdepends.
 */
@Depends(String.class)
package org.wsdepends.core.wrapfixture;

import org.wsdepends.Depends;
