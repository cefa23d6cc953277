package org.ipop.persistence.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.h2.H2UniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import java.lang.reflect.Constructor;
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The stock H2 database with its collections' documents stored as BSON ({@link BsonDocumentType}) and without the
 * collections' size totals ({@link BsonH2Collection}). The map names are the stock backend's, so files written by
 * either can be opened by this one.
 */
final class BsonH2Database extends H2Database {

    /**
     * The store of the database being constructed: the super constructor opens the existing collections (through
     * {@link #openOrCreateCollection}) before a field of this class could be set.
     */
    /** Appended to the stock index map names for maps with {@link KeyValueType} keys. */
    static final String KEY_TYPE_SUFFIX = ".kv";

    private static final ThreadLocal<MVStore> CONSTRUCTING = new ThreadLocal<>();

    private final MVStore store;

    private BsonH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        super(databaseName, store, cursorRegistry);
        this.store = store;
    }

    static BsonH2Database open(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        CONSTRUCTING.set(store);
        try {
            return new BsonH2Database(databaseName, store, cursorRegistry);
        } finally {
            CONSTRUCTING.remove();
        }
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        String namespace = getFullCollectionNamespace(collectionName);
        MVStore mvStore = store != null ? store : CONSTRUCTING.get();
        MVMap<Object, Document> documents = mvStore.openMap("databases." + namespace,
                new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType()));
        MVMap<String, Object> meta = mvStore.openMap("meta." + namespace);
        return new BsonH2Collection(this, collectionName, options, documents, meta, cursorRegistry);
    }

    /**
     * Unique indexes with {@link KeyValueType} keys, in maps named after the stock ones plus
     * {@value #KEY_TYPE_SUFFIX}. A stock index map (a file written before) is copied into the new map once and
     * removed.
     */
    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        MVStore mvStore = store != null ? store : CONSTRUCTING.get();
        String stockName = stockIndexMapName(collectionName, indexName);
        boolean fresh = !mvStore.hasMap(stockName + KEY_TYPE_SUFFIX);
        MVMap<KeyValue, Object> index = mvStore.openMap(stockName + KEY_TYPE_SUFFIX,
                new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueType()));
        if (fresh && mvStore.hasMap(stockName)) {
            MVMap<KeyValue, Object> stock = mvStore.openMap(stockName);
            stock.forEach(index::put);
            mvStore.removeMap(stock);
        }
        return uniqueIndex(index, indexName, keys, sparse);
    }

    /** The stock index class over the given map; its constructor is package-private. */
    @SuppressWarnings("unchecked")
    private static Index<Object> uniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys,
            boolean sparse) {
        try {
            Constructor<H2UniqueIndex> constructor = H2UniqueIndex.class.getDeclaredConstructor(MVMap.class,
                    String.class, List.class, boolean.class);
            constructor.setAccessible(true);
            return constructor.newInstance(map, name, keys, sparse);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("mongo-java-server's H2UniqueIndex changed", e);
        }
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        MVStore mvStore = store != null ? store : CONSTRUCTING.get();
        String name = stockIndexMapName(collection.getCollectionName(), indexName) + KEY_TYPE_SUFFIX;
        if (mvStore.hasMap(name)) {
            mvStore.removeMap(name);
        }
    }

    /** The stock backend's name for an index map (its own method is private). */
    private String stockIndexMapName(String collectionName, String indexName) {
        return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
    }
}
