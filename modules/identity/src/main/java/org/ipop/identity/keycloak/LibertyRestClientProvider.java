package org.ipop.identity.keycloak;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.WebTarget;
import javax.net.ssl.SSLContext;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.keycloak.admin.client.spi.ResteasyClientProvider;

/**
 * Runs keycloak-admin-client on Liberty's own JAX-RS client and MicroProfile Rest Client instead of the RESTEasy it
 * was built for (which cannot be bundled: it breaks Liberty's JAX-RS). Registered through META-INF/services.
 */
public class LibertyRestClientProvider implements ResteasyClientProvider {

    @Override
    public Client newRestEasyClient(Object customJacksonProvider, SSLContext sslContext, boolean disableTrustManager) {
        ClientBuilder builder = ClientBuilder.newBuilder();
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        builder.register(customJacksonProvider != null ? customJacksonProvider : jackson());
        return builder.build();
    }

    @Override
    public <R> R targetProxy(WebTarget target, Class<R> resourceInterface) {
        RestClientBuilder builder = RestClientBuilder.newBuilder().baseUri(target.getUri());
        // The admin client configures authentication (a bearer-token filter) and JSON on the target: keep them.
        target.getConfiguration().getInstances().forEach(builder::register);
        if (target.getConfiguration().getInstances().stream().noneMatch(JacksonJsonProvider.class::isInstance)) {
            builder.register(jackson());
        }
        return builder.build(resourceInterface);
    }

    /** Keycloak omits nulls and adds fields between versions: be lenient reading and terse writing. */
    static JacksonJsonProvider jackson() {
        ObjectMapper mapper = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
        return new JacksonJsonProvider(mapper);
    }
}
