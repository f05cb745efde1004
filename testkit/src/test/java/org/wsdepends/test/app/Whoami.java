package org.wsdepends.test.app;

/** The answer to "whoami". @param name the user @param db the database's name */
public record Whoami(String name, String db) {
}
