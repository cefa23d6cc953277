package org.ipop.tabular;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.util.Iterator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The records of a CSV text, streamed by commons-csv. Empty lines are kept as (blank) records so that record
 * numbers are the row numbers Excel shows for the same file; a quoted value may span several lines (abstracts
 * do), which is one record and one Excel row.
 */
final class CsvRowSource implements RowSource {

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Charset charset;
    private long lastRow;

    /** @param reader a strict decoder of the text (a byte that is not of the charset fails the read) */
    CsvRowSource(Reader reader, char delimiter, Charset charset) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
        this.parser = CSVParser.parse(reader, format);
        this.records = parser.iterator();
        this.charset = charset;
    }

    /** The charset the text is decoded in. */
    Charset charset() {
        return charset;
    }

    @Override
    public TabularRow next() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            lastRow = record.getRecordNumber();
            return new TabularRow(Math.toIntExact(lastRow), record.toList());
        } catch (UncheckedIOException e) {
            long row = lastRow + 1;
            if (e.getCause() instanceof CharacterCodingException) {
                throw new TabularFileRefused("第 " + row + " 行含有不属于 " + charset + " 编码的字节，请另存为 CSV UTF-8"
                        + " / row " + row + " has bytes that are not " + charset + " text: save the file as CSV UTF-8");
            }
            throw new TabularFileRefused("第 " + row + " 行起 CSV 格式错误（引号不配对？）"
                    + " / malformed CSV from row " + row + " (unbalanced quotes?): " + e.getCause().getMessage());
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
