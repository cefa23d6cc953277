package org.ipop.persistence.embedded;

import de.bwaldvogel.mongo.wire.BsonConstants;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Encodes documents and index keys for the embedded store's file: byte for byte what the server's own
 * {@link BsonEncoder#encodeDocument} writes, without its detours.
 *
 * <p>Why: MVStore's serialisation thread encodes every document it writes, and with the stock encoder that was
 * about a tenth of an inventory import's CPU (profiled). The stock encoder looks every value up again by its key,
 * turns each string into a temporary byte array before copying it, and copies each array into a new document keyed
 * "0", "1", … before encoding it. Here values come from the entries, strings are encoded to UTF-8 straight into one
 * reused byte array (replacing an unpaired surrogate with {@code ?}, as {@link String#getBytes} does), and array
 * elements are written under their index. Value types other than the common ones (strings, documents, arrays,
 * numbers, booleans, dates, null) are handed to the stock encoder, so every type is written exactly as before.
 *
 * <p>One instance per thread ({@link #encode}); not thread-safe.
 */
final class StoredBson {

    private static final int INITIAL_CAPACITY = 16 * 1024;
    /** A buffer grown beyond this (by an upload chunk) is dropped after use rather than kept for the thread's life. */
    private static final int KEPT_CAPACITY = 256 * 1024;
    private static final ThreadLocal<StoredBson> PER_THREAD = ThreadLocal.withInitial(StoredBson::new);
    /** The keys of the first array elements, UTF-8 with their terminating zero. */
    private static final byte[][] INDEX_KEYS = new byte[1_000][];

    static {
        for (int i = 0; i < INDEX_KEYS.length; i++) {
            String key = Integer.toString(i);
            INDEX_KEYS[i] = Arrays.copyOf(key.getBytes(java.nio.charset.StandardCharsets.US_ASCII), key.length() + 1);
        }
    }

    private byte[] bytes = new byte[INITIAL_CAPACITY];
    private int size;

    private StoredBson() {
    }

    /** The BSON bytes of {@code document}. */
    static byte[] encode(Map<String, ?> document) {
        return written(writer -> writer.document(document));
    }

    /**
     * The BSON bytes of a document holding {@code values} under the keys "0", "1", …: what the stock encoder writes
     * for such a document, without building it.
     */
    static byte[] encodeIndexed(Iterable<?> values) {
        return written(writer -> writer.indexed(values));
    }

    /** What {@code write} writes with this thread's writer, as a new array. */
    private static byte[] written(Consumer<StoredBson> write) {
        StoredBson writer = PER_THREAD.get();
        try {
            writer.size = 0;
            write.accept(writer);
            return Arrays.copyOf(writer.bytes, writer.size);
        } finally {
            writer.shrinkIfGrown();
        }
    }

    private void shrinkIfGrown() {
        if (bytes.length > KEPT_CAPACITY) {
            bytes = new byte[INITIAL_CAPACITY];
        }
    }

    private void document(Map<String, ?> document) {
        int start = size;
        size += 4; // the length, written once known
        ensure(0);
        for (Map.Entry<String, ?> entry : document.entrySet()) {
            element(entry.getKey(), entry.getValue());
        }
        writeByte(BsonConstants.TERMINATING_BYTE);
        setIntLE(start, size - start);
    }

    private void indexed(Iterable<?> values) {
        int start = size;
        size += 4;
        ensure(0);
        int index = 0;
        for (Object value : values) {
            byte type = typeOf(value);
            writeByte(type);
            if (index < INDEX_KEYS.length) {
                writeBytes(INDEX_KEYS[index]);
            } else {
                cString(Integer.toString(index));
            }
            value(type, value);
            index++;
        }
        writeByte(BsonConstants.TERMINATING_BYTE);
        setIntLE(start, size - start);
    }

    private void element(String key, Object value) {
        byte type = typeOf(value);
        writeByte(type);
        cString(key);
        value(type, value);
    }

    /** The stock encoder's type of a value; a string is tested first since most values are strings. */
    private static byte typeOf(Object value) {
        return value instanceof String ? BsonConstants.TYPE_UTF8_STRING : BsonEncoder.determineType(value);
    }

    private void value(byte type, Object value) {
        switch (type) {
            case BsonConstants.TYPE_UTF8_STRING -> string(value.toString());
            case BsonConstants.TYPE_EMBEDDED_DOCUMENT -> {
                @SuppressWarnings("unchecked")
                Map<String, ?> map = (Map<String, ?>) value;
                document(map);
            }
            case BsonConstants.TYPE_ARRAY -> {
                if (value instanceof Collection<?> collection) {
                    indexed(collection);
                } else {
                    stock(type, value);
                }
            }
            case BsonConstants.TYPE_INT32 -> writeIntLE((Integer) value);
            case BsonConstants.TYPE_INT64 -> writeLongLE((Long) value);
            case BsonConstants.TYPE_DOUBLE -> writeLongLE(Double.doubleToRawLongBits((Double) value));
            case BsonConstants.TYPE_BOOLEAN -> writeByte((Boolean) value
                    ? BsonConstants.BOOLEAN_VALUE_TRUE : BsonConstants.BOOLEAN_VALUE_FALSE);
            case BsonConstants.TYPE_UTC_DATETIME -> {
                if (value instanceof Instant instant) {
                    writeLongLE(instant.toEpochMilli());
                } else {
                    stock(type, value);
                }
            }
            case BsonConstants.TYPE_NULL -> {
                // no bytes
            }
            default -> stock(type, value);
        }
    }

    /** A value of a rarer type, written by the stock encoder. */
    private void stock(byte type, Object value) {
        ByteBuf scratch = Unpooled.buffer(64);
        try {
            BsonEncoder.encodeValue(type, value, scratch);
            int length = scratch.readableBytes();
            ensure(length);
            scratch.readBytes(bytes, size, length);
            size += length;
        } finally {
            scratch.release();
        }
    }

    private void string(String text) {
        int start = size;
        size += 4;
        utf8(text);
        writeByte((byte) 0);
        setIntLE(start, size - start - 4);
    }

    private void cString(String text) {
        utf8(text);
        writeByte((byte) 0);
    }

    /** UTF-8 as {@link String#getBytes} encodes it, an unpaired surrogate becoming {@code ?}. */
    private void utf8(String text) {
        int length = text.length();
        ensure(3 * length);
        byte[] out = bytes;
        int at = size;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | (c >> 6));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                char next;
                if (Character.isHighSurrogate(c) && i + 1 < length
                        && Character.isLowSurrogate(next = text.charAt(i + 1))) {
                    int codePoint = Character.toCodePoint(c, next);
                    out[at++] = (byte) (0xF0 | (codePoint >> 18));
                    out[at++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
                    out[at++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                    out[at++] = (byte) (0x80 | (codePoint & 0x3F));
                    i++;
                } else {
                    out[at++] = '?';
                }
            } else {
                out[at++] = (byte) (0xE0 | (c >> 12));
                out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        size = at;
    }

    private void writeByte(byte value) {
        ensure(1);
        bytes[size++] = value;
    }

    private void writeBytes(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
    }

    private void writeIntLE(int value) {
        ensure(4);
        setIntLE(size, value);
        size += 4;
    }

    private void writeLongLE(long value) {
        ensure(8);
        setIntLE(size, (int) value);
        setIntLE(size + 4, (int) (value >>> 32));
        size += 8;
    }

    private void setIntLE(int at, int value) {
        bytes[at] = (byte) value;
        bytes[at + 1] = (byte) (value >>> 8);
        bytes[at + 2] = (byte) (value >>> 16);
        bytes[at + 3] = (byte) (value >>> 24);
    }

    /** Room for {@code more} bytes after {@link #size} (which may already be ahead of the written bytes). */
    private void ensure(int more) {
        long needed = (long) size + more;
        if (needed > bytes.length) {
            if (needed > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("document too large to encode: " + needed + " bytes");
            }
            bytes = Arrays.copyOf(bytes, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 16, 2L * bytes.length)));
        }
    }
}
