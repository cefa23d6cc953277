package org.ipop.tenancy;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The container's default managed executors, for background work (imports, matching runs, sweeps, demo data).
 * Looked up rather than injected: field injection with {@code @Resource} is not used in this code base, and the
 * defaults are not CDI beans in Jakarta Concurrency 3.0.
 */
public final class ManagedExecutors {

    private ManagedExecutors() {
    }

    public static ManagedExecutorService executor() {
        return lookup("java:comp/DefaultManagedExecutorService");
    }

    public static ManagedScheduledExecutorService scheduler() {
        return lookup("java:comp/DefaultManagedScheduledExecutorService");
    }

    private static <T> T lookup(String name) {
        try {
            return InitialContext.doLookup(name);
        } catch (NamingException e) {
            throw new IllegalStateException("no " + name, e);
        }
    }
}
