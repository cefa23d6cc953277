package org.ipop.persistence.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/**
 * The stock H2 collection without its running total of the documents' BSON size. The stock collection encodes every
 * inserted document, and both versions of every updated one, a second time only to add their sizes to that total,
 * which nothing but {@code collStats} reports; profiling an inventory import showed it taking a third of the
 * store's own CPU. The platform never asks for {@code collStats}, so the total is left as it was (zero for a new
 * collection).
 */
final class BsonH2Collection extends H2Collection {

    BsonH2Collection(MongoDatabase database, String collectionName, CollectionOptions options,
            MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, documents, meta, cursorRegistry);
    }

    @Override
    protected boolean tracksDataSize() {
        return false;
    }
}
