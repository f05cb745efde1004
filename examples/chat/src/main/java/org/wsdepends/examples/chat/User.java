package org.wsdepends.examples.chat;

/**
 * Who is connected: the name the client chose, admitted by a valid token.
 *
 * @param name the display name
 */
public record User(String name) {
}
