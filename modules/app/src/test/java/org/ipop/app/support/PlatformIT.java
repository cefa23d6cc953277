package org.ipop.app.support;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of every integration test: the real Keycloak first, then Arquillian deploys the WAR exactly as the build
 * produced it to the managed Liberty. The tests run as clients, over HTTP.
 */
@ExtendWith({RealKeycloak.class, ArquillianExtension.class})
public abstract class PlatformIT {

    @Deployment(testable = false)
    public static WebArchive platform() {
        return PlatformDeployment.war();
    }
}
