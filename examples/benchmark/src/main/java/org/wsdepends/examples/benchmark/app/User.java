package org.wsdepends.examples.benchmark.app;

/**
 * The user a token stands for.
 *
 * @param name the user's name
 */
public record User(String name) {
}
