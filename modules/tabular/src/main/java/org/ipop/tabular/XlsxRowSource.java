package org.ipop.tabular;

import static javax.xml.stream.XMLStreamConstants.END_ELEMENT;
import static javax.xml.stream.XMLStreamConstants.START_ELEMENT;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.SAXException;

/**
 * The rows of the first sheet of an XLSX workbook, streamed: the sheet's XML is pulled one row at a time (StAX),
 * never loaded as a whole, unlike {@code XSSFWorkbook}. Pulling rather than POI's push parser
 * ({@code XSSFSheetXMLHandler}) lets the reader hand out one row per call without a second thread, which a Jakarta
 * EE server does not want us to start.
 *
 * <p>The upload is first copied to a temporary file, which POI opens as a zip with random access (opened from a
 * stream, it would inflate every part into memory); the file is deleted on {@link #close()}. What stays in memory
 * is the cell styles and the shared strings table: the distinct texts of the string cells, which Excel keeps apart
 * from the sheet. For a workbook saved by Excel with 100,000 abstracts that is tens of MB — POI offers no table on
 * disk. (Generators that write inline strings, such as POI's SXSSF by default, have none.)
 *
 * <p>Cells are read as the user sees them: numbers formatted with their cell format, whole numbers in General
 * format in full (an application number typed as a number is not shown as 2.02E+12), dates as yyyyMMdd.
 */
final class XlsxRowSource implements RowSource {

    private static final XMLInputFactory XML = XMLHelper.newXMLInputFactory(); // no DTDs, no external entities
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    /** Excel shows 15 significant digits; a whole number below this bound is shown in full. */
    private static final double LARGEST_EXACT_WHOLE = 1e15;

    private final Path file;
    private final OPCPackage workbook;
    private final ReadOnlySharedStringsTable sharedStrings;
    private final StylesTable styles;
    private final boolean date1904;
    private final InputStream sheet;
    private final XMLStreamReader xml;
    private final DataFormatter formatter = new DataFormatter(Locale.ROOT);
    private int lastRow;

    private XlsxRowSource(Path file, OPCPackage workbook) throws IOException, OpenXML4JException,
            SAXException, XMLStreamException {
        this.file = file;
        this.workbook = workbook;
        XSSFReader reader = new XSSFReader(workbook);
        this.sharedStrings = new ReadOnlySharedStringsTable(workbook, false);
        this.styles = reader.getStylesTable();
        this.date1904 = date1904(reader);
        Iterator<InputStream> sheets = reader.getSheetsData();
        if (!sheets.hasNext()) {
            throw new TabularFileRefused("工作簿没有工作表 / the workbook has no sheet");
        }
        this.sheet = sheets.next();
        this.xml = XML.createXMLStreamReader(sheet);
    }

    /**
     * Opens the first sheet of the workbook in {@code content}, which this source reads to its end and closes.
     *
     * @throws TabularFileRefused if it is a zip but no readable workbook
     */
    static XlsxRowSource open(InputStream content) throws IOException {
        Path file = Files.createTempFile("ipop-tabular-", ".xlsx");
        try (content) {
            Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        OPCPackage workbook = null;
        try {
            workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
            return new XlsxRowSource(file, workbook);
        } catch (IOException | OpenXML4JException | SAXException | XMLStreamException | RuntimeException e) {
            if (workbook != null) {
                workbook.revert();
            }
            Files.deleteIfExists(file);
            if (e instanceof TabularFileRefused refused) {
                throw refused;
            }
            throw new TabularFileRefused("无法读取 XLSX 工作簿（文件损坏，或是另一种 zip 文件）"
                    + " / not a readable XLSX workbook (damaged, or another kind of zip file): " + e.getMessage());
        }
    }

    @Override
    public TabularRow next() {
        try {
            while (xml.hasNext()) {
                if (xml.next() == START_ELEMENT && xml.getLocalName().equals("row")) {
                    return readRow();
                }
            }
            return null;
        } catch (XMLStreamException | RuntimeException e) {
            int row = lastRow + 1;
            throw new TabularFileRefused("工作表自第 " + row + " 行起已损坏 / the sheet is damaged from row "
                    + row + ": " + e.getMessage());
        }
    }

    /** Reads a {@code <row>}: its number ({@code r}, or the next one) and its cells, gaps filled with "". */
    private TabularRow readRow() throws XMLStreamException {
        String reference = xml.getAttributeValue(null, "r");
        lastRow = reference == null ? lastRow + 1 : Integer.parseInt(reference);
        List<String> cells = new ArrayList<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == START_ELEMENT && xml.getLocalName().equals("c")) {
                String cellReference = xml.getAttributeValue(null, "r");
                int column = cellReference == null ? cells.size() : SheetColumns.index(cellReference);
                String value = readCell();
                while (cells.size() <= column) {
                    cells.add("");
                }
                cells.set(column, value);
            } else if (event == END_ELEMENT && xml.getLocalName().equals("row")) {
                break;
            }
        }
        return new TabularRow(lastRow, cells);
    }

    /** Reads a {@code <c>} up to its end: the text of its value, by its type {@code t} and style {@code s}. */
    private String readCell() throws XMLStreamException {
        String type = xml.getAttributeValue(null, "t");
        String style = xml.getAttributeValue(null, "s");
        String value = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == START_ELEMENT && xml.getLocalName().equals("v")) {
                value = xml.getElementText();
            } else if (event == START_ELEMENT && xml.getLocalName().equals("is")) {
                value = readInlineString();
            } else if (event == END_ELEMENT && xml.getLocalName().equals("c")) {
                break;
            }
        }
        return value == null ? "" : text(type == null ? "n" : type, style, value);
    }

    /** The text of an inline string, {@code <is>}: its runs, without phonetic guides ({@code <rPh>}). */
    private String readInlineString() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        boolean phonetic = false;
        while (true) {
            int event = xml.next();
            if (event == START_ELEMENT) {
                if (xml.getLocalName().equals("rPh")) {
                    phonetic = true;
                } else if (xml.getLocalName().equals("t") && !phonetic) {
                    text.append(xml.getElementText());
                }
            } else if (event == END_ELEMENT) {
                if (xml.getLocalName().equals("rPh")) {
                    phonetic = false;
                } else if (xml.getLocalName().equals("is")) {
                    return text.toString();
                }
            }
        }
    }

    /** A cell value as the user sees it, by cell type: s shared string, b boolean, d ISO date, n number, … */
    private String text(String type, String style, String value) {
        return switch (type) {
            case "s" -> sharedStrings.getItemAt(Integer.parseInt(value)).getString();
            case "b" -> value.equals("1") ? "TRUE" : "FALSE";
            case "d" -> isoDate(value);
            case "n" -> number(Double.parseDouble(value), style);
            default -> value; // inlineStr, str (a formula's text), e (an error such as #N/A)
        };
    }

    private String number(double value, String style) {
        XSSFCellStyle cellStyle = styles == null || style == null ? null : styles.getStyleAt(Integer.parseInt(style));
        if (cellStyle != null && cellStyle.getDataFormat() != 0) {
            short format = cellStyle.getDataFormat();
            String pattern = cellStyle.getDataFormatString();
            if (DateUtil.isADateFormat(format, pattern) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, date1904).format(YYYYMMDD);
            }
            return formatter.formatRawCellContents(value, format, pattern, date1904);
        }
        if (value == Math.rint(value) && Math.abs(value) < LARGEST_EXACT_WHOLE) {
            return Long.toString((long) value);
        }
        return formatter.formatRawCellContents(value, 0, "General", date1904);
    }

    /** A cell of type d (ISO 8601, written by some generators instead of a serial number) as yyyyMMdd. */
    private static String isoDate(String value) {
        try {
            return LocalDate.parse(value.substring(0, Math.min(10, value.length()))).format(YYYYMMDD);
        } catch (DateTimeParseException e) {
            return value;
        }
    }

    /** Whether the workbook counts days from 1904 (old Mac Excel) rather than 1900: {@code workbookPr@date1904}. */
    private static boolean date1904(XSSFReader reader) throws IOException, OpenXML4JException, XMLStreamException {
        try (InputStream in = reader.getWorkbookData()) {
            XMLStreamReader workbook = XML.createXMLStreamReader(in);
            while (workbook.hasNext()) {
                if (workbook.next() == START_ELEMENT) {
                    switch (workbook.getLocalName()) {
                        case "workbookPr" -> {
                            String value = workbook.getAttributeValue(null, "date1904");
                            return "1".equals(value) || "true".equals(value);
                        }
                        case "sheets" -> {
                            return false; // workbookPr, if any, comes before the sheets
                        }
                        default -> {
                        }
                    }
                }
            }
            return false;
        }
    }

    @Override
    public void close() {
        try {
            xml.close();
            sheet.close();
        } catch (XMLStreamException | IOException e) {
            throw new IllegalStateException(e);
        } finally {
            workbook.revert(); // read-only: close without saving
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
