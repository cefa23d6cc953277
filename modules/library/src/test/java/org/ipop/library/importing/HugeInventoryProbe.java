package org.ipop.library.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ipop.tabular.testing.TableFixtures;

/**
 * Run by {@link InventoryStreamingTest} in a JVM with a small heap: reads a generated inventory far larger than that
 * heap and prints "valid invalid" row counts. Arguments: {@code csv|xlsx} and the number of rows.
 */
final class HugeInventoryProbe {

    static final List<String> HEADERS = List.of("序号", "申请号", "专利名称", "专利类型", "申请日", "主分类号", "分类号",
            "申请人", "申请摘要");
    /** Every this many rows, one has an impossible filing date. */
    static final int INVALID_EVERY = 1000;

    /** About 300 Chinese characters, so that each row is about 1 KB. */
    private static final String ABSTRACT = "本发明公开了一种基于图模型的新闻关键词抽取方法及装置，".repeat(11);

    private HugeInventoryProbe() {
    }

    public static void main(String[] args) throws IOException {
        int rows = Integer.parseInt(args[1]);
        Path workbook = args[0].equals("xlsx") ? TableFixtures.generatedXlsx(HEADERS, HugeInventoryProbe::row, rows)
                : null;
        InputStream content = workbook == null ? TableFixtures.generatedCsv(HEADERS, HugeInventoryProbe::row, rows)
                : Files.newInputStream(workbook);
        long valid = 0;
        long invalid = 0;
        try (InventoryReader reader = InventoryReader.open(content, "huge." + args[0])) {
            for (InventoryRow row : reader) {
                if (row instanceof InventoryRow.Valid) {
                    valid++;
                } else {
                    invalid++;
                }
            }
        } finally {
            if (workbook != null) {
                Files.delete(workbook);
            }
        }
        System.out.println(valid + " " + invalid);
    }

    /** The cells of data row {@code i} (1-based): an invention filed in 2020 with serial number i. */
    static List<String> row(int i) {
        String digits = "20201" + String.format("%07d", i);
        String number = "CN" + digits + "." + ApplicationNumbers.checkDigit(digits);
        String filingDate = i % INVALID_EVERY == 0 ? "20201332" : "20200" + (1 + i % 9) + "1" + (i % 10);
        String ipc = "G06F" + (1 + i % 40) + "/" + (10 + i % 90);
        return List.of(Integer.toString(i), number, "一种数据处理方法" + i, "发明", filingDate, ipc,
                ipc + ";H04L9/40", "中科大数据研究院", ABSTRACT + i);
    }
}
