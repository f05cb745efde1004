package org.wsdepends.test.app;

/** @param name the user's name */
public record User(String name) {
}
