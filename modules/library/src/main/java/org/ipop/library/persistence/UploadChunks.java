package org.ipop.library.persistence;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;

/** An uploaded file as numbered 1 MiB chunk documents ({@code <job>:<n>}), written and read one at a time. */
final class UploadChunks {

    static final int CHUNK_BYTES = 1 << 20;

    private UploadChunks() {
    }

    /** @return the number of chunks written */
    static int store(MongoCollection<Document> chunks, String jobId, InputStream content) {
        int n = 0;
        try {
            byte[] buffer;
            while ((buffer = content.readNBytes(CHUNK_BYTES)).length > 0) {
                chunks.insertOne(new Document("_id", id(jobId, n)).append("job", jobId).append("n", n)
                        .append("data", new Binary(buffer)));
                n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the upload could not be read", e);
        }
        return n;
    }

    static InputStream open(MongoCollection<Document> chunks, String jobId, int count) {
        return new InputStream() {
            private int next;
            private byte[] current = new byte[0];
            private int position;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] target, int offset, int length) {
                if (length == 0) {
                    return 0;
                }
                while (position == current.length) {
                    if (next == count) {
                        return -1;
                    }
                    Document chunk = chunks.find(Filters.eq("_id", id(jobId, next++))).first();
                    if (chunk == null) {
                        throw new UncheckedIOException(new IOException("chunk " + (next - 1) + " of the upload "
                                + jobId + " is missing"));
                    }
                    current = chunk.get("data", Binary.class).getData();
                    position = 0;
                }
                int copied = Math.min(length, current.length - position);
                System.arraycopy(current, position, target, offset, copied);
                position += copied;
                return copied;
            }
        };
    }

    static void delete(MongoCollection<Document> chunks, String jobId, int count) {
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            ids.add(id(jobId, n));
        }
        if (!ids.isEmpty()) {
            chunks.deleteMany(Filters.in("_id", ids));
        }
    }

    private static String id(String jobId, int n) {
        return jobId + ":" + n;
    }
}
