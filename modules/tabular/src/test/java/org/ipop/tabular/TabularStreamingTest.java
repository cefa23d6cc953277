package org.ipop.tabular;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.ipop.tabular.testing.TableFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Large files are read in a JVM whose heap is a fraction of the file: a tabular file streams, it never holds the
 * file or its rows. Each run forks a JVM with the test class path and the heap given.
 */
class TabularStreamingTest {

    @TempDir
    Path temp;

    @Test
    void aHundredThousandRowCsvFileOfAbout100MbStreamsThroughA32MbHeap() throws Exception {
        assertEquals("100000 0", probe("csv", 100_000, "-Xmx32m"));
    }

    @Test
    void aTwentyThousandRowXlsxWorkbookStreamsThroughA32MbHeap() throws Exception {
        // Its sheet is about 25 MB of XML: loaded whole (XSSFWorkbook), it does not even fit in 128 MB. Fewer rows
        // than for CSV because writing the workbook first takes most of the time.
        assertEquals("20000 0", probe("xlsx", 20_000, "-Xmx32m"));
    }

    private String probe(String format, int rows, String heap) throws IOException, InterruptedException {
        return TableFixtures.lastLineOfProbe(HugeTableProbe.class, temp, heap, format, Integer.toString(rows));
    }
}
