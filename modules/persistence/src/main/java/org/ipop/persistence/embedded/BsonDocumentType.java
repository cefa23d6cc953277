package org.ipop.persistence.embedded;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the embedded store writes a collection's documents: as BSON, the form they arrived in, instead of the stock
 * backend's Java serialisation. Java serialisation of a document (a tree of maps and lists) was most of the
 * store's CPU time in an import, and the stock type also serialised every document a second time only to estimate
 * its size in memory.
 *
 * <p>The BSON bytes are written exactly as {@link ObjectDataType} writes a {@code byte[]}, so the file stays
 * readable by tools that open maps with the default type, in particular {@code MVStoreTool.compact}, which the
 * server runs at start-up and which copies such values unchanged. Documents written before (Java-serialised) are
 * still read; they are written as BSON the next time they change.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    /** Bytes charged per value, key and container in {@link #getMemory}: object headers and references. */
    private static final int OVERHEAD = 24;

    private final ObjectDataType storage = new ObjectDataType();

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

    /**
     * MVStore writes a leaf page with every document on it, so a document is encoded each time its page is written.
     * {@link StoredBson} writes the stock encoder's bytes into a reused buffer (see there for why).
     */
    @Override
    public void write(WriteBuffer buffer, Document document) {
        storage.write(buffer, StoredBson.encode(document));
    }

    @Override
    public Document read(ByteBuffer buffer) {
        Object value = storage.read(buffer);
        if (value instanceof byte[] bson) {
            return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
        }
        return (Document) value; // Java-serialised by an earlier version
    }

    /**
     * An estimate of the heap a document takes (MVStore sizes its cache and pages with it), from its strings and
     * the number of its values, without encoding it.
     */
    @Override
    public int getMemory(Document document) {
        return (int) Math.min(Integer.MAX_VALUE, memoryOf(document));
    }

    private static long memoryOf(Object value) {
        return switch (value) {
            case null -> 0;
            case String text -> OVERHEAD + 2L * text.length();
            case Map<?, ?> map -> {
                long total = OVERHEAD;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    total += OVERHEAD + memoryOf(entry.getKey()) + memoryOf(entry.getValue());
                }
                yield total;
            }
            case Collection<?> collection -> {
                long total = OVERHEAD;
                for (Object element : collection) {
                    total += OVERHEAD + memoryOf(element);
                }
                yield total;
            }
            case byte[] bytes -> OVERHEAD + bytes.length;
            // Binary values arrive as BinData. Counted as a bare object, an uploaded file's 1 MiB chunks looked
            // like 24 bytes each, so MVStore kept a whole upload in one leaf page and wrote the page again, with
            // every chunk before, at each chunk's commit (73 chunks: 2,700 chunk encodings instead of 73), and its
            // page cache held far more than its budget (profiled: most of an import's allocation and GC).
            case BinData data -> OVERHEAD + data.getData().length;
            default -> OVERHEAD;
        };
    }
}
