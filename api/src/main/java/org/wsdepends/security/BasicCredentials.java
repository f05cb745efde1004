package org.wsdepends.security;

/**
 * The user name and password of {@code Authorization: Basic}.
 *
 * @param username the user name, never {@code null}
 * @param password the password, never {@code null}
 */
public record BasicCredentials(String username, String password) {

    /** @return the user name only: a password never reaches a log line by way of this record */
    @Override
    public String toString() {
        return "BasicCredentials[username=" + username + "]";
    }
}
