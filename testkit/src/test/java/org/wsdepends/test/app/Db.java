package org.wsdepends.test.app;

import java.util.Optional;

/** The database the app's users come from. */
public interface Db {

    Optional<User> user(String token);

    String name();
}
