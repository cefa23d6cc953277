package org.ipop.library.importing;

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
import java.time.Clock;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads an institution's patent inventory — a CSV file or an XLSX workbook — one validated row at a time.
 *
 * <p>The format is recognised by content, not by file name: a zip ({@code PK\3\4}) is read as XLSX (its first
 * sheet), anything else must be text and is read as CSV. A CSV file is UTF-8 (with or without a byte order mark)
 * if its first 64 KB are valid UTF-8, otherwise GB18030 — the superset of GBK that Excel on Chinese Windows
 * writes. Its delimiter is a comma, or a tab if the header line has tabs and no comma (Excel's "Text" export).
 *
 * <p>The first non-blank row is the header. Before any row is read the file is refused ({@link InventoryRefused})
 * if it is empty, binary, a legacy .xls, UTF-16 text, without a header row or without a required column. Rows are
 * then read and validated one at a time — nothing else is kept — and blank rows are skipped. Row numbers are those
 * Excel shows: the header is row 1.
 *
 * <p>The rows can be iterated once. Closing the reader closes the stream it was given.
 */
public final class InventoryReader implements AutoCloseable, Iterable<InventoryRow> {

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
    private final List<String> headerCells;
    private final InventoryColumns columns;
    private final RowValidator validator;
    private boolean iterated;
    private boolean closed;

    private InventoryReader(String fileName, RowSource source, List<String> headerCells, InventoryColumns columns,
            RowValidator validator) {
        this.fileName = fileName;
        this.source = source;
        this.headerCells = headerCells;
        this.columns = columns;
        this.validator = validator;
    }

    /**
     * Opens an inventory and reads its header row.
     *
     * @param fileName the name the user uploaded, for messages
     * @throws InventoryRefused if the file cannot be an inventory (see the class comment); the stream is closed
     * @throws UncheckedIOException if the stream cannot be read
     */
    public static InventoryReader open(InputStream in, String fileName) {
        return open(in, fileName, Clock.system(RowValidator.CHINA));
    }

    /** As {@link #open(InputStream, String)}, with the clock that says which day is today (later dates are refused). */
    public static InventoryReader open(InputStream in, String fileName, Clock clock) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(clock, "clock");
        RowSource source = null;
        try {
            byte[] head = in.readNBytes(SNIFF_BYTES);
            source = switch (detectFormat(head, fileName)) {
                case XLSX -> XlsxRowSource.open(new SequenceInputStream(new ByteArrayInputStream(head), in), fileName);
                case CSV -> csvSource(head, in, fileName);
            };
            SourceRow header = source.next();
            while (header != null && header.isBlank()) {
                header = source.next();
            }
            if (header == null) {
                throw InventoryRefused.file(fileName, "文件没有表头行 / the file has no header row");
            }
            InventoryColumns columns = InventoryColumns.resolve(header.cells(), fileName);
            return new InventoryReader(fileName, source, header.cells(), columns, new RowValidator(columns, clock));
        } catch (IOException e) {
            closeAfterFailure(source, in, e);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            closeAfterFailure(source, in, e);
            throw e;
        }
    }

    public String fileName() {
        return fileName;
    }

    public Format format() {
        return source instanceof XlsxRowSource ? Format.XLSX : Format.CSV;
    }

    /** The charset a CSV file was read in (UTF-8 or GB18030); empty for XLSX. */
    public Optional<Charset> charset() {
        return source instanceof CsvRowSource csv ? Optional.of(csv.charset()) : Optional.empty();
    }

    /** The columns of the file, as resolved from its header row. */
    public InventoryColumns columns() {
        return columns;
    }

    /**
     * The data rows, validated, in file order; each is read when asked for.
     *
     * @throws IllegalStateException if called a second time: the file is read once
     * @throws InventoryRefused (from the iterator) if the rest of the file turns out unreadable
     */
    @Override
    public Iterator<InventoryRow> iterator() {
        if (iterated) {
            throw new IllegalStateException("the rows of " + fileName + " can be iterated once");
        }
        iterated = true;
        return new Rows();
    }

    /** The rows as a sequential stream; closing the stream does not close the reader. */
    public Stream<InventoryRow> stream() {
        return StreamSupport.stream(spliterator(), false);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            source.close();
        }
    }

    private final class Rows implements Iterator<InventoryRow> {

        private SourceRow pending;

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
        public InventoryRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            SourceRow row = pending;
            pending = null;
            return validator.validate(row.number(), values(row));
        }
    }

    /**
     * A row as column name → value, in file order: every column with a header, and a column without one (named by
     * its letter, [AK]) only where it has a value.
     */
    private Map<String, String> values(SourceRow row) {
        List<String> names = columns.names();
        Map<String, String> values = new LinkedHashMap<>();
        for (int column = 0; column < Math.max(names.size(), row.cells().size()); column++) {
            String value = column < row.cells().size() ? row.cells().get(column) : "";
            boolean headed = column < headerCells.size() && !InventoryColumns.clean(headerCells.get(column)).isEmpty();
            if (headed || !value.isBlank()) {
                values.put(column < names.size() ? names.get(column) : "[" + SheetColumns.letters(column) + "]", value);
            }
        }
        return values;
    }

    /** XLSX or CSV, from the first bytes; refuses what is neither. */
    private static Format detectFormat(byte[] head, String fileName) {
        if (head.length == 0) {
            throw InventoryRefused.file(fileName, "文件为空 / the file is empty");
        }
        if (startsWith(head, ZIP)) {
            return Format.XLSX;
        }
        if (startsWith(head, OLE2)) {
            throw InventoryRefused.file(fileName, "旧版 Excel（.xls）或加密的工作簿，请另存为 .xlsx 或 CSV UTF-8"
                    + " / a legacy .xls or a password-protected workbook: save it as .xlsx or CSV UTF-8");
        }
        if (startsWith(head, UTF16LE_BOM) || startsWith(head, UTF16BE_BOM)) {
            throw InventoryRefused.file(fileName, "UTF-16 文本（Excel 的“Unicode 文本”），请另存为 CSV UTF-8"
                    + " / UTF-16 text (Excel's \"Unicode Text\"): save it as CSV UTF-8");
        }
        return Format.CSV;
    }

    /**
     * A CSV source for a text file, whose first bytes are {@code head} and the rest still in {@code in}. The text
     * is UTF-8 if the sample decodes as UTF-8 (a file with a UTF-8 byte order mark must), else GB18030.
     */
    private static CsvRowSource csvSource(byte[] head, InputStream in, String fileName) throws IOException {
        int bom = startsWith(head, UTF8_BOM) ? UTF8_BOM.length : 0;
        Charset charset = StandardCharsets.UTF_8;
        String text = decode(head, bom, charset);
        if (text == null && bom == 0) {
            charset = GB18030;
            text = decode(head, 0, charset);
        }
        // Text has no control characters but tab and line breaks; binary data (NUL bytes …) has.
        if (text == null || text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
            throw InventoryRefused.file(fileName, "不是 CSV 或 XLSX 文件 / not a CSV or XLSX file");
        }
        InputStream content = new SequenceInputStream(new ByteArrayInputStream(head, bom, head.length - bom), in);
        return new CsvRowSource(new StrictDecodingReader(content, charset), delimiter(text), charset, fileName);
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
