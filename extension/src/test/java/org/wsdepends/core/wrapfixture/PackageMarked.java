package org.wsdepends.core.wrapfixture;

/** No annotation of its own; wrapped because its package declares a dependency. */
public class PackageMarked {
}
