package org.ipop.tabular.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Test fixtures for code that reads uploaded tables — this module's and the importers built on it (the library's
 * inventories), shared through this module's test jar: byte helpers, a stream that tells whether it was closed,
 * generated tables far larger than a small heap, and a child JVM to read them in.
 */
public final class TableFixtures {

    private TableFixtures() {
    }

    public static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** A stream that remembers whether it was closed. */
    public static final class ClosingStream extends FilterInputStream {

        private boolean closed;

        public ClosingStream(byte[] content) {
            super(new ByteArrayInputStream(content));
        }

        public boolean closed() {
            return closed;
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }

    /**
     * A CSV table (UTF-8, CRLF) of {@code header} and data rows 1 to {@code rows}, made row by row as it is read: it
     * never exists as a whole, so a reader that holds it would run out of a small heap.
     */
    public static InputStream generatedCsv(List<String> header, IntFunction<List<String>> row, int rows) {
        return new InputStream() {
            private int next;
            private byte[] line = new byte[0];
            private int position;

            @Override
            public int read() {
                return hasMore() ? line[position++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (length == 0) {
                    return 0;
                }
                if (!hasMore()) {
                    return -1;
                }
                int count = Math.min(length, line.length - position);
                System.arraycopy(line, position, buffer, offset, count);
                position += count;
                return count;
            }

            private boolean hasMore() {
                while (position == line.length) {
                    if (next > rows) {
                        return false;
                    }
                    line = (String.join(",", next == 0 ? header : row.apply(next)) + "\r\n")
                            .getBytes(StandardCharsets.UTF_8);
                    position = 0;
                    next++;
                }
                return true;
            }
        };
    }

    /** The same table as a workbook in a temporary file (written by POI's streaming writer); the caller deletes it. */
    public static Path generatedXlsx(List<String> header, IntFunction<List<String>> row, int rows)
            throws IOException {
        Path file = Files.createTempFile("huge-", ".xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
            workbook.setCompressTempFiles(true);
            Sheet sheet = workbook.createSheet();
            for (int r = 0; r <= rows; r++) {
                Row sheetRow = sheet.createRow(r);
                List<String> cells = r == 0 ? header : row.apply(r);
                for (int c = 0; c < cells.size(); c++) {
                    sheetRow.createCell(c).setCellValue(cells.get(c));
                }
            }
            workbook.write(out);
        }
        return file;
    }

    /**
     * Runs {@code probe}'s main method in a JVM with the test class path, the given heap and the serial collector,
     * and returns the last line it printed; fails the test if it does not exit with 0 within 2 minutes.
     */
    public static String lastLineOfProbe(Class<?> probe, Path temp, String heap, String... args)
            throws IOException, InterruptedException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path output = Files.createTempFile(temp, "probe-", ".out");
        List<String> command = new ArrayList<>(List.of(java.toString(), heap, "-XX:+UseSerialGC", "-cp", classPath,
                probe.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("the probe did not finish in 2 minutes");
        }
        String printed = Files.readString(output).strip();
        assertEquals(0, process.exitValue(), printed);
        return printed.lines().reduce((first, last) -> last).orElse("");
    }
}
