package org.wsdepends.tck.depends.routed;

/** The package-level dependency's type. */
public final class RouterMark {
}
