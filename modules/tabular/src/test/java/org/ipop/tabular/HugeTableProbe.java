package org.ipop.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ipop.tabular.testing.TableFixtures;

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
        Path workbook = args[0].equals("xlsx") ? TableFixtures.generatedXlsx(HEADER, HugeTableProbe::row, rows) : null;
        InputStream content = workbook == null ? TableFixtures.generatedCsv(HEADER, HugeTableProbe::row, rows)
                : Files.newInputStream(workbook);
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
}
