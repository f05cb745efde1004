package org.wsdepends.examples.benchmark.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import org.wsdepends.Depends;
import org.wsdepends.Query;

/** The wrapped endpoint's two dependencies: a resource with cleanup, and the user read through it. */
@ApplicationScoped
public class BenchDependencies {

    @Produces @Depends
    Db db() {
        return Db.open();
    }

    void close(@Disposes @Depends Db db) {
        db.close();
    }

    @Produces @Depends
    User user(@Query("token") String token, @Depends Db db) {
        return db.user(token);
    }
}
