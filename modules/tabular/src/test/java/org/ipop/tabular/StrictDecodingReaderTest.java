package org.ipop.tabular;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StrictDecodingReaderTest {

    @Test
    void everyCharacterBeforeAFaultIsReadBeforeTheFaultIsReported() throws IOException {
        byte[] good = "一二三".repeat(5000).getBytes(UTF_8); // 45,000 bytes: several buffers
        byte[] bytes = Arrays.copyOf(good, good.length + 2);
        bytes[good.length] = (byte) 0xFF; // never valid in UTF-8
        bytes[good.length + 1] = 'x';
        StringBuilder read = new StringBuilder();
        char[] buffer = new char[1000];
        try (Reader reader = new StrictDecodingReader(new ByteArrayInputStream(bytes), UTF_8)) {
            assertThrows(MalformedInputException.class, () -> {
                for (int n; (n = reader.read(buffer, 0, buffer.length)) >= 0; ) {
                    read.append(buffer, 0, n);
                }
            });
            assertThrows(MalformedInputException.class, () -> reader.read(buffer, 0, 1), "the fault stays");
        }
        assertEquals("一二三".repeat(5000), read.toString());
    }

    @Test
    void aCharacterCutByTheBufferIsDecodedWhole() throws IOException {
        String text = "ab" + "汉".repeat(10_000); // 3-byte characters across 8 KB buffer boundaries
        try (Reader reader = new StrictDecodingReader(new ByteArrayInputStream(text.getBytes(UTF_8)), UTF_8)) {
            StringBuilder read = new StringBuilder();
            char[] buffer = new char[777];
            for (int n; (n = reader.read(buffer, 0, buffer.length)) >= 0; ) {
                read.append(buffer, 0, n);
            }
            assertEquals(text, read.toString());
        }
    }
}
