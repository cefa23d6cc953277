package org.ipop.persistence.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The keys of a unique index (such as {@code _id}) in the embedded store. The stock backend leaves them to H2's
 * {@link ObjectDataType}, which knows no {@link KeyValue} and therefore compares two keys by Java-serialising both
 * and comparing the bytes, at every step of every binary search: a tenth of an import's CPU (profiled). Here keys
 * compare value by value in MongoDB's order ({@link ValueComparator}) and are written as BSON (in the format
 * {@link ObjectDataType} uses for a {@code byte[]}, like {@link BsonDocumentType}).
 *
 * <p>The order differs from the stock one, so maps of this type are not the stock maps: {@link BsonH2Database}
 * keeps them under their own names and rebuilds them from a stock map found in an older file.
 */
final class KeyValueType extends BasicDataType<KeyValue> {

    private static final Comparator<Object> ORDER = ValueComparator.ascWithoutListHandling();

    private final ObjectDataType storage = new ObjectDataType();

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            int order = ORDER.compare(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** As the stock encoder writes a document of the key's values under "0", "1", … (see {@link StoredBson}). */
    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        storage.write(buffer, StoredBson.encodeIndexed(key));
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        byte[] bytes = (byte[]) storage.read(buffer);
        Document values = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
        return new KeyValue(new ArrayList<>(values.values()));
    }

    @Override
    public int getMemory(KeyValue key) {
        int memory = 48;
        for (Object value : key) {
            memory += value instanceof String text ? 40 + 2 * text.length() : 24;
        }
        return memory;
    }
}
