package org.ipop.persistence.embedded;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;

/**
 * The in-process MongoDB-protocol server used when no connection string is configured.
 *
 * <p>Its file only grows while it is open (every commit writes a new chunk), so the file is compacted offline
 * before it is opened: under a second per 100,000 documents, which keeps it near 1.7 KB per document instead of
 * growing without bound (docs/benchmarks.md). Old chunks are not retained ({@code retentionTime 0}) because nothing here reads old
 * versions.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedMongoServer.class.getName());
    static final String STORE_FILE = "ipop.mv.db";
    /**
     * MVStore's page cache, in MB (its default is 16). Every inserted document is looked up in the {@code _id} index
     * first (the driver's upsert, the server's uniqueness check), at a random place for application numbers: with
     * 16 MB, shared with the documents' pages, those index pages were mostly read from the file and decoded again
     * (a fifth of the server worker's samples in an import). With 64 MB, for at most 48 MB more heap, the imports
     * measured ran 5% faster on average, inside this machine's noise (docs/benchmarks.md, twelfth session).
     */
    private static final int PAGE_CACHE_MB = 64;

    private final MongoServer server;
    private final DurableH2Backend backend;
    private final InetSocketAddress address;
    private final Path file;

    private EmbeddedMongoServer(Path file, DurableH2Backend backend, MongoServer server, InetSocketAddress address) {
        this.file = file;
        this.backend = backend;
        this.server = server;
        this.address = address;
    }

    /** Compacts and opens the store in {@code dataDirectory} and listens on a free loopback port. */
    public static EmbeddedMongoServer start(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDirectory, e);
        }
        Path file = dataDirectory.resolve(STORE_FILE);
        if (Files.exists(file)) {
            long before = sizeOf(file);
            long started = System.nanoTime();
            MVStoreTool.compact(file.toString(), false);
            LOG.info(() -> String.format("Compacted %s: %,d → %,d bytes in %d ms", file, before, sizeOf(file),
                    (System.nanoTime() - started) / 1_000_000));
        }
        MVStore store = new MVStore.Builder().fileName(file.toString()).cacheSize(PAGE_CACHE_MB).open();
        store.setRetentionTime(0);
        // No oplog: nothing uses change streams (events travel through the outbox), and keeping one cuts the
        // insert rate by more than half and doubles the file (measured, docs/benchmarks.md).
        DurableH2Backend backend = new DurableH2Backend(store);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        LOG.info(() -> "Embedded MongoDB-protocol server on " + address + " with its data in " + file);
        return new EmbeddedMongoServer(file, backend, server, address);
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    public Path file() {
        return file;
    }

    /** How many {@code countDocuments} the store answered from its collections' counts (for tests). */
    int countsAnsweredDirectly() {
        return backend.countsAnsweredDirectly();
    }

    /** The most documents a sorted, limited find in this collection has held at once (for tests). */
    int largestSortedSelection(String databaseName, String collectionName) {
        return backend.largestSortedSelection(databaseName, collectionName);
    }

    @Override
    public void close() {
        server.shutdownNow();
        backend.close();
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
