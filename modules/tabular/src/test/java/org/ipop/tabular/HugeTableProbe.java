package org.ipop.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Run by {@link TabularStreamingTest} in a JVM with a small heap: reads a generated table far larger than that heap
 * and prints "rows mismatches" — the data rows read and those whose number or cells are not what was written.
 * Arguments: {@code csv|xlsx} and the number of data rows.
 */
final class HugeTableProbe {

    static final List<String> HEADER = List.of("编号", "名称", "说明");

    /** About 330 Chinese characters, so that each row is about 1 KB of UTF-8. */
    private static final String TEXT = "一种基于图模型的新闻关键词抽取方法及装置，适用于大规模语料。".repeat(11);

    private HugeTableProbe() {
    }

    public static void main(String[] args) throws IOException {
        int rows = Integer.parseInt(args[1]);
        Path workbook = args[0].equals("xlsx") ? writeXlsx(rows) : null;
        InputStream content = workbook == null ? new GeneratedCsv(rows) : Files.newInputStream(workbook);
        long read = 0;
        long mismatches = 0;
        try (TabularFile file = TabularFile.open(content, "huge." + args[0])) {
            if (!file.header().equals(HEADER)) {
                mismatches++;
            }
            for (TabularRow row : file) {
                read++;
                if (row.number() != read + 1 || !row.cells().equals(row(Math.toIntExact(read)))) {
                    mismatches++;
                }
            }
        } finally {
            if (workbook != null) {
                Files.delete(workbook);
            }
        }
        System.out.println(read + " " + mismatches);
    }

    /** The cells of data row {@code i} (1-based). */
    static List<String> row(int i) {
        return List.of(Integer.toString(i), "名称" + i, TEXT + i);
    }

    private static Path writeXlsx(int rows) throws IOException {
        Path file = Files.createTempFile("huge-", ".xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
            workbook.setCompressTempFiles(true);
            Sheet sheet = workbook.createSheet();
            for (int r = 0; r <= rows; r++) {
                Row row = sheet.createRow(r);
                List<String> cells = r == 0 ? HEADER : row(r);
                for (int c = 0; c < cells.size(); c++) {
                    row.createCell(c).setCellValue(cells.get(c));
                }
            }
            workbook.write(out);
        }
        return file;
    }

    /** A CSV text made row by row as it is read: it never exists as a whole, here either. */
    private static final class GeneratedCsv extends InputStream {

        private final int rows;
        private int next;
        private byte[] line = new byte[0];
        private int position;

        GeneratedCsv(int rows) {
            this.rows = rows;
        }

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
                line = (String.join(",", next == 0 ? HEADER : row(next)) + "\r\n").getBytes(StandardCharsets.UTF_8);
                position = 0;
                next++;
            }
            return true;
        }
    }
}
