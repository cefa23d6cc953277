package org.ipop.tabular;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A table uploaded by a user — a CSV file or an XLSX workbook — read one row at a time.
 *
 * <p>The format is recognised by content, not by file name: a zip ({@code PK\3\4}) is read as XLSX (its first
 * sheet), anything else must be text and is read as CSV. A CSV file is UTF-8 (with or without a byte order mark)
 * if its first 64 KB are valid UTF-8, otherwise GB18030 — the superset of GBK that Excel on Chinese Windows
 * writes. Its delimiter is a comma, or a tab if the header line has tabs and no comma (Excel's "Text" export).
 *
 * <p>The first non-blank row is the header. Before any row is read the file is refused ({@link TabularFileRefused})
 * if it is empty, binary, a legacy .xls, UTF-16 text or without a header row. Rows are then read one at a time —
 * nothing else is kept — and blank rows are skipped. Row numbers are those Excel shows: the first row of the file
 * is row 1 (the header, unless blank rows precede it).
 *
 * <p>The rows can be iterated once. Closing the file closes the stream it was opened on.
 */
public final class TabularFile implements AutoCloseable, Iterable<TabularRow> {

    /** How a file is read. */
    public enum Format {
        CSV,
        XLSX
    }

    /** How much of a file is inspected to recognise it: enough for any header row and many rows of text. */
    private static final int SNIFF_BYTES = 64 * 1024;

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    /** OLE2 compound document: a legacy .xls, or an encrypted (password-protected) .xlsx. */
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] UTF16LE_BOM = {(byte) 0xFF, (byte) 0xFE};
    private static final byte[] UTF16BE_BOM = {(byte) 0xFE, (byte) 0xFF};
    private static final Charset GB18030 = Charset.forName("GB18030");

    private final String fileName;
    private final RowSource source;
    private final List<String> header;
    private final int headerRowNumber;
    private boolean iterated;
    private boolean closed;

    private TabularFile(String fileName, RowSource source, TabularRow header) {
        this.fileName = fileName;
        this.source = source;
        this.header = header.cells().stream().map(TabularFile::clean).toList();
        this.headerRowNumber = header.number();
    }

    /**
     * Recognises the format of a file by its content and reads its header row; the data rows are read later, as
     * they are iterated.
     *
     * @param content the file, which this file reads to its end (an XLSX workbook at once, into a temporary file)
     * @param fileName the name the user uploaded, for messages
     * @throws TabularFileRefused if the file cannot be read as a table (see the class comment); the stream is closed
     * @throws UncheckedIOException if the stream cannot be read; the stream is closed
     */
    public static TabularFile open(InputStream content, String fileName) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(fileName, "fileName");
        RowSource source = null;
        try {
            byte[] head = content.readNBytes(SNIFF_BYTES);
            source = switch (detectFormat(head)) {
                case XLSX -> XlsxRowSource.open(new SequenceInputStream(new ByteArrayInputStream(head), content));
                case CSV -> csvSource(head, content);
            };
            TabularRow header = source.next();
            while (header != null && header.isBlank()) {
                header = source.next();
            }
            if (header == null) {
                throw new TabularFileRefused("文件没有表头行 / the file has no header row");
            }
            return new TabularFile(fileName, source, header);
        } catch (IOException e) {
            closeAfterFailure(source, content, e);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            closeAfterFailure(source, content, e);
            throw e;
        }
    }

    /**
     * The letters of a zero-based column index as spreadsheets show them: 0 → A, 25 → Z, 26 → AA. Messages name
     * columns without a header so.
     */
    public static String columnLetters(int index) {
        return SheetColumns.letters(index);
    }

    /** The name the file was opened with. */
    public String fileName() {
        return fileName;
    }

    public Format format() {
        return source instanceof XlsxRowSource ? Format.XLSX : Format.CSV;
    }

    /** The charset a CSV file is read in (UTF-8 or GB18030); empty for XLSX. */
    public Optional<Charset> charset() {
        return source instanceof CsvRowSource csv ? Optional.of(csv.charset()) : Optional.empty();
    }

    /**
     * The cells of the header row as written, without a byte order mark and surrounding spaces; a column without a
     * header is "". Data rows may have more cells than the header.
     */
    public List<String> header() {
        return header;
    }

    /** The number Excel shows for the header row: 1, unless blank rows precede it. */
    public int headerRowNumber() {
        return headerRowNumber;
    }

    /**
     * The data rows after the header, in file order, blank rows skipped; each is read when asked for.
     *
     * @throws IllegalStateException if called a second time: the file is read once
     * @throws TabularFileRefused (from the iterator) if the rest of the file turns out unreadable
     */
    @Override
    public Iterator<TabularRow> iterator() {
        if (iterated) {
            throw new IllegalStateException("the rows of " + fileName + " can be iterated once");
        }
        iterated = true;
        return new Rows();
    }

    /** The data rows as a sequential stream; closing the stream does not close the file. */
    public Stream<TabularRow> stream() {
        return StreamSupport.stream(spliterator(), false);
    }

    /** Closes the stream the file was opened on (and deletes a workbook's temporary copy). */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            source.close();
        }
    }

    private final class Rows implements Iterator<TabularRow> {

        private TabularRow pending;

        @Override
        public boolean hasNext() {
            if (closed) {
                throw new IllegalStateException(fileName + " is closed");
            }
            while (pending == null || pending.isBlank()) {
                pending = source.next();
                if (pending == null) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public TabularRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            TabularRow row = pending;
            pending = null;
            return row;
        }
    }

    /** A header cell as it is shown: without a byte order mark and surrounding spaces. */
    private static String clean(String cell) {
        return cell.replace("\uFEFF", "").strip();
    }

    /** XLSX or CSV, from the first bytes; refuses what is neither. */
    private static Format detectFormat(byte[] head) {
        if (head.length == 0) {
            throw new TabularFileRefused("文件为空 / the file is empty");
        }
        if (startsWith(head, ZIP)) {
            return Format.XLSX;
        }
        if (startsWith(head, OLE2)) {
            throw new TabularFileRefused("旧版 Excel（.xls）或加密的工作簿，请另存为 .xlsx 或 CSV UTF-8"
                    + " / a legacy .xls or a password-protected workbook: save it as .xlsx or CSV UTF-8");
        }
        if (startsWith(head, UTF16LE_BOM) || startsWith(head, UTF16BE_BOM)) {
            throw new TabularFileRefused("UTF-16 文本（Excel 的“Unicode 文本”），请另存为 CSV UTF-8"
                    + " / UTF-16 text (Excel's \"Unicode Text\"): save it as CSV UTF-8");
        }
        return Format.CSV;
    }

    /**
     * A CSV source for a text file, whose first bytes are {@code head} and the rest still in {@code in}. The text
     * is UTF-8 if the sample decodes as UTF-8 (a file with a UTF-8 byte order mark must), else GB18030.
     */
    private static CsvRowSource csvSource(byte[] head, InputStream in) throws IOException {
        int bom = startsWith(head, UTF8_BOM) ? UTF8_BOM.length : 0;
        Charset charset = StandardCharsets.UTF_8;
        String text = decode(head, bom, charset);
        if (text == null && bom == 0) {
            charset = GB18030;
            text = decode(head, 0, charset);
        }
        // Text has no control characters but tab and line breaks; binary data (NUL bytes …) has.
        if (text == null || text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
            throw new TabularFileRefused("不是 CSV 或 XLSX 文件 / not a CSV or XLSX file");
        }
        InputStream content = new SequenceInputStream(new ByteArrayInputStream(head, bom, head.length - bom), in);
        return new CsvRowSource(new StrictDecodingReader(content, charset), delimiter(text), charset);
    }

    /**
     * The sample decoded strictly, from {@code offset}, or null if it is not valid in the charset. A character cut
     * at the end of the sample (the file goes on) is not an error.
     */
    private static String decode(byte[] head, int offset, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(head, offset, head.length - offset);
        CharBuffer chars = CharBuffer.allocate(bytes.remaining() + 1);
        boolean whole = head.length < SNIFF_BYTES;
        if (decoder.decode(bytes, chars, whole).isError() || whole && decoder.flush(chars).isError()) {
            return null;
        }
        return chars.flip().toString();
    }

    private static void closeAfterFailure(RowSource source, InputStream in, Exception failure) {
        try (in) {
            if (source != null) {
                source.close();
            }
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** A comma, or a tab if the header line has tabs and no comma. */
    private static char delimiter(String text) {
        String header = text.lines().filter(line -> !line.isBlank()).findFirst().orElse("");
        return header.indexOf(',') < 0 && header.indexOf('\t') >= 0 ? '\t' : ',';
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
