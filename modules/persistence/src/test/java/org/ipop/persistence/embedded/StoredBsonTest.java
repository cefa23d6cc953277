package org.ipop.persistence.embedded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link StoredBson} writes exactly the bytes the server's own encoder writes, for every type of value. */
class StoredBsonTest {

    @Test
    void every_kind_of_value_is_written_as_the_stock_encoder_writes_it() {
        Document document = new Document("_id", "CN202223220665.2")
                .append("title", "一种水电站高压输电线路驱鸟保护装置")
                .append("empty", "")
                .append("latin", "Zn-Fe 100mm ±5% µm")
                .append("supplementary", "𠀀𪚥 emoji 😀")
                .append("unpairedHigh", "a\uD83Db")
                .append("unpairedLow", "a\uDE00b")
                .append("highAtEnd", "ab\uD83D")
                .append("twoHighs", "\uD83D\uD83D\uDE00")
                .append("int", 42).append("negative", -7)
                .append("long", 1L << 40)
                .append("double", 3.25).append("nan", Double.NaN).append("negativeZero", -0.0)
                .append("infinity", Double.POSITIVE_INFINITY)
                .append("true", true).append("false", false)
                .append("null", null)
                .append("date", Instant.parse("2022-12-01T08:00:00Z"))
                .append("objectId", new ObjectId())
                .append("binary", new BinData(new byte[] {0, 1, 2, (byte) 255}))
                .append("uuid", UUID.fromString("123e4567-e89b-12d3-a456-426614174000"))
                .append("legacyUuid", new LegacyUUID(1L, 2L))
                .append("decimal", Decimal128.ONE)
                .append("timestamp", new BsonTimestamp(123_456_789L))
                .append("regex", new BsonRegularExpression("^CN\\d+", "i"))
                .append("min", MinKey.getInstance()).append("max", MaxKey.getInstance())
                .append("list", List.of("H02G1/00", 3, List.of(true, new Document("nested", "值"))))
                .append("set", new LinkedHashSet<>(List.of("b", "a")))
                .append("emptyList", List.of()).append("emptyDocument", new Document())
                .append("键", "中文键");

        assertArrayEquals(stock(document), StoredBson.encode(document));
    }

    @Test
    void random_documents_are_written_as_the_stock_encoder_writes_them() {
        Random random = new Random(20261122);
        for (int n = 0; n < 2_000; n++) {
            Document document = randomDocument(random, 0);
            assertArrayEquals(stock(document), StoredBson.encode(document), () -> "document " + document);
        }
    }

    @Test
    void large_values_grow_the_buffer_and_the_next_document_is_whole() {
        String longAbstract = "本发明公开了一种驱鸟保护装置，".repeat(10_000); // 450 KB of UTF-8, past the kept buffer
        Document large = new Document("_id", 1).append("abstract", longAbstract)
                .append("chunk", new BinData(new byte[1 << 20]))
                .append("manyElements", new ArrayList<>(java.util.Collections.nCopies(1_500, "x")));
        Document small = new Document("_id", 2).append("title", "驱鸟装置");

        assertArrayEquals(stock(large), StoredBson.encode(large));
        assertArrayEquals(stock(small), StoredBson.encode(small));
        assertEquals(small, BsonDecoder.decodeBson(Unpooled.wrappedBuffer(StoredBson.encode(small))));
    }

    @Test
    void an_index_key_is_written_as_the_document_of_its_values_under_their_positions() {
        KeyValue key = new KeyValue("CN202223220665.2", 7, null, List.of("a", "b"));
        Document asDocument = new Document();
        for (int i = 0; i < key.size(); i++) {
            asDocument.put(Integer.toString(i), key.get(i));
        }

        assertArrayEquals(stock(asDocument), StoredBson.encodeIndexed(key));
    }

    private static byte[] stock(Document document) {
        ByteBuf buffer = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, buffer);
            byte[] bytes = new byte[buffer.readableBytes()];
            buffer.readBytes(bytes);
            return bytes;
        } finally {
            buffer.release();
        }
    }

    private static Document randomDocument(Random random, int depth) {
        Document document = new Document();
        int size = random.nextInt(depth == 0 ? 12 : 5);
        for (int i = 0; i < size; i++) {
            document.put(randomString(random, 6), randomValue(random, depth));
        }
        return document;
    }

    private static Object randomValue(Random random, int depth) {
        return switch (random.nextInt(depth < 3 ? 11 : 9)) {
            case 0 -> randomString(random, 40);
            case 1 -> random.nextInt();
            case 2 -> random.nextLong();
            case 3 -> random.nextDouble() * 1e6 - 5e5;
            case 4 -> random.nextBoolean();
            case 5 -> null;
            case 6 -> Instant.ofEpochMilli(random.nextLong(4_000_000_000_000L));
            case 7 -> new ObjectId();
            case 8 -> randomString(random, 2);
            case 9 -> randomDocument(random, depth + 1);
            default -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(6); i > 0; i--) {
                    list.add(randomValue(random, depth + 1));
                }
                yield list;
            }
        };
    }

    /** Characters from ASCII, Latin, CJK, supplementary planes, and now and then an unpaired surrogate. */
    private static String randomString(Random random, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            switch (random.nextInt(6)) {
                case 0 -> text.append((char) (0x20 + random.nextInt(0x5F)));
                case 1 -> text.append((char) (0x80 + random.nextInt(0x780)));
                case 2 -> text.append((char) (0x4E00 + random.nextInt(0x5200)));
                case 3 -> text.appendCodePoint(0x10000 + random.nextInt(0x20000));
                case 4 -> text.append((char) (0xD800 + random.nextInt(0x800))); // a lone surrogate
                default -> text.append((char) (0xE000 + random.nextInt(0x2000)));
            }
        }
        return text.toString();
    }
}
