package org.wsdepends.internal;

import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Closes connections whose identity expires with one scheduler thread per endpoint class, started on
 * the first expiring identity and stopped with the deployment: no thread is held per connection, and
 * none outlives its application.
 */
final class Expiry {

    private ScheduledThreadPoolExecutor scheduler;

    synchronized ScheduledThreadPoolExecutor scheduler() {
        if (scheduler == null) {
            scheduler = newScheduler();
        }
        return scheduler;
    }

    synchronized void shutdown() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    private static ScheduledThreadPoolExecutor newScheduler() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "wsdepends-expiry");
            thread.setDaemon(true);
            return thread;
        });
        // a cancelled expiry (the connection ended first) must not stay queued until its instant
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }
}
