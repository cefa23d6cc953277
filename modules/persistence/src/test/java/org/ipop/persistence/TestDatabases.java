package org.ipop.persistence;

import com.mongodb.client.MongoClient;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/** {@link Databases} for tests outside a container: no current tenant, and no index definitions. */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** Databases over {@code client}; the tests name their tenant, the collections are created as first written. */
    public static Databases withoutIndexes(MongoClient client) {
        return new Databases(client, () -> {
            throw new IllegalStateException("no current tenant in a test");
        }, new NoBeans<>(), new NoBeans<>());
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
