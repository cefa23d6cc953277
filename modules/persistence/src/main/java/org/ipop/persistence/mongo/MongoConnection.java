package org.ipop.persistence.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ipop.persistence.embedded.EmbeddedMongoServer;

/**
 * Owns the application's one {@link MongoClient}. With {@code ipop.mongodb.uri} (environment:
 * {@code IPOP_MONGODB_URI}) it connects there — in production a replica set or sharded cluster; without it, it
 * starts the embedded server on {@code ipop.data.dir}.
 */
@ApplicationScoped
public class MongoConnection {

    private static final Logger LOG = Logger.getLogger(MongoConnection.class.getName());

    private final Optional<String> uri;
    private final String dataDirectory;
    private EmbeddedMongoServer embedded;
    private MongoClient client;

    @Inject
    public MongoConnection(@ConfigProperty(name = "ipop.mongodb.uri") Optional<String> uri,
            @ConfigProperty(name = "ipop.data.dir", defaultValue = "ipop-data") String dataDirectory) {
        this.uri = uri.filter(value -> !value.isBlank());
        this.dataDirectory = dataDirectory;
    }

    /** For CDI's client proxy only. */
    protected MongoConnection() {
        this.uri = Optional.empty();
        this.dataDirectory = null;
    }

    @Produces
    @ApplicationScoped
    MongoClient client() {
        return open();
    }

    synchronized MongoClient open() {
        if (client == null) {
            String connectionString = uri.orElseGet(() -> {
                embedded = EmbeddedMongoServer.start(Path.of(dataDirectory).toAbsolutePath());
                return embedded.connectionString();
            });
            client = MongoClients.create(MongoClientSettings.builder()
                    .applyConnectionString(new ConnectionString(connectionString))
                    .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
                    .applicationName("ipop")
                    .build());
            LOG.info(() -> uri.isPresent() ? "Connected to the configured MongoDB" : "Using the embedded MongoDB");
        }
        return client;
    }

    @PreDestroy
    synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }
}
