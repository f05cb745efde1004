package org.wsdepends.examples.chat;

/**
 * Who is in a room: the name of the connection's {@code Identity}.
 *
 * @param name the display name
 */
public record User(String name) {
}
