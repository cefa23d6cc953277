package org.ipop.app.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR exactly as the build produced it: the integration tests run against the real artifact. */
public final class PlatformDeployment {

    private PlatformDeployment() {
    }

    public static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("ipop.war")));
    }
}
