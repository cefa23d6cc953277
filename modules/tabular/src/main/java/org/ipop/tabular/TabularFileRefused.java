package org.ipop.tabular;

/**
 * A file that cannot be read as a table: empty, neither CSV nor XLSX, a legacy .xls, UTF-16 text, without a header
 * row — found by {@link TabularFile#open} before any row is read — or unreadable further on (a broken encoding,
 * unbalanced quotes, a damaged workbook), found while iterating. The message is written for the person who
 * prepared the file, Chinese first, then English ("文件为空 / the file is empty"); it does not name the file.
 */
public final class TabularFileRefused extends RuntimeException {

    public TabularFileRefused(String message) {
        super(message);
    }
}
