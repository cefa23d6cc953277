package org.ipop.persistence;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.ipop.persistence.embedded.EmbeddedMongoServer;

/**
 * The embedded store for tests outside a container, reached through the official driver, with {@link Databases}
 * that have no current tenant (tests name theirs) and no index definitions (collections are created as first
 * written).
 */
public final class TestStore implements AutoCloseable {

    private final EmbeddedMongoServer server;
    private final MongoClient client;
    private final Databases databases;

    private TestStore(EmbeddedMongoServer server) {
        this.server = server;
        this.client = MongoClients.create(server.connectionString());
        this.databases = new Databases(client, () -> {
            throw new IllegalStateException("no current tenant in a test");
        }, new NoBeans<>(), new NoBeans<>());
    }

    /** Starts the store with its data in {@code directory}. */
    public static TestStore start(Path directory) {
        return new TestStore(EmbeddedMongoServer.start(directory));
    }

    public MongoClient client() {
        return client;
    }

    public Databases databases() {
        return databases;
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }

    /** No index definitions: the collections are created as they are first written. */
    private static final class NoBeans<T> implements Instance<T> {

        @Override
        public Iterator<T> iterator() {
            return Collections.emptyIterator();
        }

        @Override
        public T get() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instance<T> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends T> Instance<U> select(Class<U> subtype, Annotation... qualifiers) {
            return new NoBeans<>();
        }

        @Override
        public <U extends T> Instance<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            return new NoBeans<>();
        }

        @Override
        public boolean isUnsatisfied() {
            return true;
        }

        @Override
        public boolean isAmbiguous() {
            return false;
        }

        @Override
        public void destroy(T instance) {
        }

        @Override
        public Handle<T> getHandle() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Iterable<? extends Handle<T>> handles() {
            return List.of();
        }
    }
}
