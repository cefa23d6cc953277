package org.ipop.library.importing;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.ipop.tabular.TabularFile;
import org.ipop.tabular.TabularFileRefused;
import org.ipop.tabular.TabularRow;

/**
 * Reads an institution's patent inventory — a CSV file or an XLSX workbook — one validated row at a time.
 *
 * <p>The file is read by {@link TabularFile}: format and encoding recognised by content (XLSX, or CSV in UTF-8 or
 * GB18030, comma or tab), the first non-blank row is the header, blank rows are skipped, row numbers are those
 * Excel shows (the header is row 1). Its header row is resolved into {@link InventoryColumns} and each data row is
 * validated by {@link RowValidator}; nothing else is kept.
 *
 * <p>Before any row is read the file is refused ({@link InventoryRefused}) if it is empty, binary, a legacy .xls,
 * UTF-16 text, without a header row (the reasons of {@link TabularFileRefused}) or without a required column.
 *
 * <p>The rows can be iterated once. Closing the reader closes the stream it was given.
 */
public final class InventoryReader implements AutoCloseable, Iterable<InventoryRow> {

    /** How a file is read. */
    public enum Format {
        CSV,
        XLSX
    }

    private final TabularFile file;
    private final InventoryColumns columns;
    private final RowValidator validator;

    private InventoryReader(TabularFile file, InventoryColumns columns, RowValidator validator) {
        this.file = file;
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
        TabularFile file;
        try {
            file = TabularFile.open(in, fileName);
        } catch (TabularFileRefused refused) {
            throw refusal(fileName, refused);
        }
        try {
            InventoryColumns columns = InventoryColumns.resolve(file.header(), fileName);
            return new InventoryReader(file, columns, new RowValidator(columns, clock));
        } catch (RuntimeException e) {
            try {
                file.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    public String fileName() {
        return file.fileName();
    }

    public Format format() {
        return switch (file.format()) {
            case CSV -> Format.CSV;
            case XLSX -> Format.XLSX;
        };
    }

    /** The charset a CSV file was read in (UTF-8 or GB18030); empty for XLSX. */
    public Optional<Charset> charset() {
        return file.charset();
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
        return new Rows(file.iterator());
    }

    /** The rows as a sequential stream; closing the stream does not close the reader. */
    public Stream<InventoryRow> stream() {
        return StreamSupport.stream(spliterator(), false);
    }

    @Override
    public void close() {
        file.close();
    }

    private final class Rows implements Iterator<InventoryRow> {

        private final Iterator<TabularRow> rows;

        Rows(Iterator<TabularRow> rows) {
            this.rows = rows;
        }

        @Override
        public boolean hasNext() {
            try {
                return rows.hasNext();
            } catch (TabularFileRefused refused) {
                throw refusal(file.fileName(), refused);
            }
        }

        @Override
        public InventoryRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            TabularRow row = rows.next();
            return validator.validate(row.number(), values(row));
        }
    }

    /**
     * A row as column name → value, in file order: every column with a header, and a column without one (named by
     * its letter, [AK]) only where it has a value.
     */
    private Map<String, String> values(TabularRow row) {
        List<String> names = columns.names();
        List<String> header = file.header();
        Map<String, String> values = new LinkedHashMap<>();
        for (int column = 0; column < Math.max(names.size(), row.cells().size()); column++) {
            String value = row.cell(column);
            boolean headed = column < header.size() && !header.get(column).isEmpty();
            if (headed || !value.isBlank()) {
                values.put(column < names.size() ? names.get(column) : "[" + TabularFile.columnLetters(column) + "]",
                        value);
            }
        }
        return values;
    }

    /** A file the tabular reader refused, refused as an inventory for the same reason. */
    private static InventoryRefused refusal(String fileName, TabularFileRefused refused) {
        InventoryRefused inventoryRefused = InventoryRefused.file(fileName, refused.getMessage());
        inventoryRefused.initCause(refused);
        return inventoryRefused;
    }
}
