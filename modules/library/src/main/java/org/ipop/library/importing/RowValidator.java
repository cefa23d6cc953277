package org.ipop.library.importing;

import static org.ipop.library.importing.InventoryColumns.Field.ABSTRACT;
import static org.ipop.library.importing.InventoryColumns.Field.APPLICANTS;
import static org.ipop.library.importing.InventoryColumns.Field.APPLICANT_TYPE;
import static org.ipop.library.importing.InventoryColumns.Field.APPLICATION_NUMBER;
import static org.ipop.library.importing.InventoryColumns.Field.CITATIONS;
import static org.ipop.library.importing.InventoryColumns.Field.FAMILY_SIZE;
import static org.ipop.library.importing.InventoryColumns.Field.FILING_DATE;
import static org.ipop.library.importing.InventoryColumns.Field.FIRST_CLAIM;
import static org.ipop.library.importing.InventoryColumns.Field.FUNDING_PROGRAMME;
import static org.ipop.library.importing.InventoryColumns.Field.GOVERNMENT_FUNDED;
import static org.ipop.library.importing.InventoryColumns.Field.GRANT_DATE;
import static org.ipop.library.importing.InventoryColumns.Field.GRANT_NUMBER;
import static org.ipop.library.importing.InventoryColumns.Field.INVENTORS;
import static org.ipop.library.importing.InventoryColumns.Field.IPC;
import static org.ipop.library.importing.InventoryColumns.Field.LEGAL_STATUS;
import static org.ipop.library.importing.InventoryColumns.Field.LICENCES;
import static org.ipop.library.importing.InventoryColumns.Field.MAIN_IPC;
import static org.ipop.library.importing.InventoryColumns.Field.PATENT_TYPE;
import static org.ipop.library.importing.InventoryColumns.Field.PLEDGES;
import static org.ipop.library.importing.InventoryColumns.Field.PROVINCE;
import static org.ipop.library.importing.InventoryColumns.Field.PUBLICATION_DATE;
import static org.ipop.library.importing.InventoryColumns.Field.PUBLICATION_NUMBER;
import static org.ipop.library.importing.InventoryColumns.Field.TITLE;
import static org.ipop.library.importing.InventoryColumns.Field.TRANSFERS;

import java.text.Normalizer;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ipop.library.ApplicantType;
import org.ipop.library.PatentRecord;
import org.ipop.library.PatentType;
import org.ipop.library.importing.InventoryColumns.Field;
import org.ipop.tabular.ErrorReport;
import org.ipop.tabular.TabularRow;

/**
 * Validates one inventory row (column name → value, see {@link InventoryColumns#names()}) into a
 * {@link PatentRecord}, or reports every fault of the row — at most one per column — so that the user can correct
 * them all at once.
 *
 * <p>Every value is trimmed; {@code -}, {@code --}, {@code 无} and {@code N/A} count as empty, as spreadsheets use
 * them for "nothing here". Required: application number, title, filing date and patent type. Empty counts are 0,
 * an empty or {@code 0} optional date is no date (the exports write {@code 0} for "none").
 */
public final class RowValidator {

    /** Dates of Chinese patents are Beijing dates: "today" is today in China, wherever the server runs. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final Set<String> EMPTY_PLACEHOLDERS = Set.of("-", "--", "无", "n/a");
    private static final int LONGEST_PLACEHOLDER = 3;

    private static final String REQUIRED = "必填 / required";

    /**
     * The most characters a row may hold in all, for files with many extra columns: about 3 MB in UTF-8, well within
     * the store's 16 MB per patent together with its analysis.
     */
    static final int MAX_ROW_CHARS = 1_000_000;
    /** The "column" of an error about the row as a whole. */
    static final String WHOLE_ROW = "（整行 / whole row）";

    /**
     * YYYYMMDD, or year, month and day separated by one of {@code - / .} (Excel's Chinese locale writes 2022/1/5);
     * a time of day, as databases append it, is ignored.
     */
    private static final Pattern DATE = Pattern.compile("(\\d{4})(?:(\\d{2})(\\d{2})|([-/.])(\\d{1,2})\\4(\\d{1,2}))"
            + "(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?");
    private static final Pattern CHINESE_DATE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日");

    /**
     * An IPC symbol once spaces are removed: section A–H, two-digit class, subclass letter, main group of 1–4 digits,
     * subgroup of 1–6 digits (B64U 20/80). This is a syntax check only; the IPC itself is the business of
     * {@code org.ipop.library.ipc}. A version indicator such as {@code (2006.01)} is dropped before the check.
     */
    private static final Pattern IPC_SYMBOL = Pattern.compile("([A-H]\\d{2}[A-Z])(\\d{1,4})/(\\d{1,6})");
    private static final Pattern IPC_VERSION = Pattern.compile("\\(\\d{4}\\.\\d{2}\\)$");
    private static final String NOT_IPC = "不是 IPC 分类号（例如 B64U 20/80）/ not an IPC code (e.g. B64U 20/80)";

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("(\\d{1,9})(?:\\.0+)?"); // Excel may write 3 as 3.0
    private static final Pattern NEGATIVE_NUMBER = Pattern.compile("-\\d+(?:\\.\\d*)?");

    /** Separators of lists in one cell: applicants, inventors, IPC codes (ASCII and full-width). */
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[;；,，]");

    /** 国省代码 as the exports write it, 河南(41); a foreign applicant's is a country code, 美国(US). */
    private static final Pattern PROVINCE_IN_PARENTHESES = Pattern.compile("[^()]*\\((\\d{2}|\\d{6})\\)");
    private static final Pattern PROVINCE_DIGITS = Pattern.compile("\\d{2}|\\d{6}");
    private static final Pattern COUNTRY_IN_PARENTHESES = Pattern.compile("[^()]*\\([A-Z]{2}\\)");

    /** The two-digit codes of the provinces (GB/T 2260), with Taiwan 71, Hong Kong 81 and Macao 82. */
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
            "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
            "63", "64", "65", "71", "81", "82");

    private static final Set<String> YES = Set.of("是", "true", "1", "yes", "y");
    private static final Set<String> NO = Set.of("否", "false", "0", "no", "n");

    private final InventoryColumns columns;
    private final Clock clock;

    public RowValidator(InventoryColumns columns) {
        this(columns, Clock.system(CHINA));
    }

    /** With the clock that says which day is today (dates after it are refused). */
    public RowValidator(InventoryColumns columns, Clock clock) {
        this.columns = Objects.requireNonNull(columns, "columns");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Validates one row.
     *
     * @param rowNumber the row number a user sees in Excel (header = 1)
     * @param row column name → value; a column missing from the map is empty
     */
    public InventoryRow validate(int rowNumber, Map<String, String> row) {
        Cells cells = new Cells(rowNumber, row);
        cells.checkSizes();
        LocalDate today = LocalDate.now(clock);

        String applicationNumber = cells.applicationNumber();
        String title = cells.required(TITLE);
        PatentType type = cells.patentType(applicationNumber);
        LocalDate filingDate = cells.date(FILING_DATE, today, null);
        LocalDate publicationDate = cells.date(PUBLICATION_DATE, today, filingDate);
        LocalDate grantDate = cells.date(GRANT_DATE, today, filingDate);
        IpcCodes ipc = cells.ipcCodes();
        String provinceCode = cells.provinceCode();
        int transfers = cells.count(TRANSFERS);
        int licences = cells.count(LICENCES);
        int pledges = cells.count(PLEDGES);
        int citations = cells.count(CITATIONS);
        int familySize = cells.count(FAMILY_SIZE);
        boolean governmentFunded = cells.yesNo(GOVERNMENT_FUNDED);

        if (!cells.errors.isEmpty()) {
            List<String> order = columns.names(); // an error about the whole row (not a column) comes first
            cells.errors.sort(Comparator.comparingInt(error -> order.indexOf(error.column())));
            return new InventoryRow.Invalid(rowNumber, cells.errors, row);
        }
        return new InventoryRow.Valid(rowNumber, new PatentRecord(
                applicationNumber,
                cells.text(PUBLICATION_NUMBER),
                cells.text(GRANT_NUMBER),
                type,
                title,
                cells.text(ABSTRACT),
                cells.text(FIRST_CLAIM),
                cells.list(APPLICANTS),
                Optional.ofNullable(cells.text(APPLICANT_TYPE)).flatMap(ApplicantType::parse).orElse(null),
                cells.list(INVENTORS),
                filingDate,
                publicationDate,
                grantDate,
                cells.text(LEGAL_STATUS),
                ipc.main(),
                ipc.all(),
                provinceCode,
                transfers,
                licences,
                pledges,
                citations,
                familySize,
                governmentFunded,
                cells.text(FUNDING_PROGRAMME),
                extra(row)));
    }

    /** The columns that are no field of the record, with their (trimmed) values; empty cells are left out. */
    private Map<String, String> extra(Map<String, String> row) {
        Map<String, String> extra = new LinkedHashMap<>();
        row.forEach((name, value) -> {
            if (value != null && !value.isBlank() && columns.isExtra(name)) {
                extra.put(name, value.strip());
            }
        });
        return extra;
    }

    /** The main IPC code (or null) and all codes, the main one first, each once. */
    private record IpcCodes(String main, List<String> all) {
    }

    /** The cells of one row, and the errors found in them so far. */
    private final class Cells {

        private final int rowNumber;
        private final Map<String, String> row;
        private final List<RowError> errors = new ArrayList<>();
        /** Columns already refused as too long: their other faults are not reported (one error per column). */
        private final Set<String> tooLong = new LinkedHashSet<>();

        Cells(int rowNumber, Map<String, String> row) {
            this.rowNumber = rowNumber;
            this.row = row;
        }

        /**
         * Refuses every cell longer than {@link TabularRow#MAX_CELL_CHARS}, and the row if its other cells hold
         * more than {@link #MAX_ROW_CHARS} in all.
         */
        void checkSizes() {
            long rowChars = 0;
            for (Map.Entry<String, String> cell : row.entrySet()) {
                String value = cell.getValue();
                if (value == null) {
                    continue;
                }
                if (value.length() <= TabularRow.MAX_CELL_CHARS) {
                    rowChars += value.length(); // a cell refused already is not counted again in the row
                } else {
                    tooLong.add(cell.getKey());
                    errors.add(new RowError(rowNumber, cell.getKey(), value, ErrorReport.tooLong(value)));
                }
            }
            if (rowChars > MAX_ROW_CHARS) {
                errors.add(new RowError(rowNumber, WHOLE_ROW, null, String.format(Locale.ROOT,
                        "整行共 %,d 个字符，超过上限 %,d / the row holds %,d characters, more than %,d",
                        rowChars, MAX_ROW_CHARS, rowChars, MAX_ROW_CHARS)));
            }
        }

        /** The trimmed value of a field, or null if the column is absent, empty or a placeholder such as 无. */
        String text(Field field) {
            String value = columns.nameOf(field).map(row::get).map(String::strip).orElse("");
            boolean placeholder = value.length() <= LONGEST_PLACEHOLDER && EMPTY_PLACEHOLDERS.contains(
                    Normalizer.normalize(value, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
            return value.isEmpty() || placeholder ? null : value;
        }

        String required(Field field) {
            String text = text(field);
            if (text == null) {
                error(field, null, REQUIRED);
            }
            return text;
        }

        String applicationNumber() {
            String text = required(APPLICATION_NUMBER);
            if (text == null) {
                return null;
            }
            try {
                return ApplicationNumbers.normalise(text);
            } catch (IllegalArgumentException e) {
                error(APPLICATION_NUMBER, text, e.getMessage());
                return null;
            }
        }

        /**
         * The patent type, which must agree with the type digit of the application number: a utility model cannot
         * carry an invention's number. (The number is null here if it was refused.)
         */
        PatentType patentType(String applicationNumber) {
            String text = required(PATENT_TYPE);
            if (text == null) {
                return null;
            }
            Optional<PatentType> type = PatentType.parse(text);
            if (type.isEmpty()) {
                error(PATENT_TYPE, text, "未知专利类型，应为 发明、实用新型 或 外观设计"
                        + " / unknown patent type: expected invention, utility model or design");
                return null;
            }
            if (applicationNumber != null) {
                PatentType denoted = ApplicationNumbers.typeOf(applicationNumber);
                if (denoted != type.get()) {
                    error(PATENT_TYPE, text, "与申请号不符：申请号 " + applicationNumber + " 表示" + denoted.chinese()
                            + " / contradicts the application number, which denotes a " + english(denoted));
                }
            }
            return type.get();
        }

        /**
         * A date: required (filing date) or optional ({@code 0} or empty = none); a real calendar day, not after
         * today and, for publication and grant, not before the filing date.
         */
        LocalDate date(Field field, LocalDate today, LocalDate filingDate) {
            String text = text(field);
            if (text == null || text.equals("0")) {
                if (field.required()) {
                    error(field, text, REQUIRED);
                }
                return null;
            }
            String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
            Matcher chinese = CHINESE_DATE.matcher(folded);
            if (chinese.matches()) {
                folded = chinese.group(1) + "-" + chinese.group(2) + "-" + chinese.group(3);
            }
            Matcher matcher = DATE.matcher(folded);
            if (!matcher.matches()) {
                error(field, text, "日期格式应为 YYYYMMDD、YYYY-MM-DD、YYYY/MM/DD 或 YYYY.MM.DD"
                        + " / expected a date as YYYYMMDD, YYYY-MM-DD, YYYY/MM/DD or YYYY.MM.DD");
                return null;
            }
            LocalDate date;
            try {
                boolean compact = matcher.group(2) != null;
                date = LocalDate.of(Integer.parseInt(matcher.group(1)),
                        Integer.parseInt(matcher.group(compact ? 2 : 5)),
                        Integer.parseInt(matcher.group(compact ? 3 : 6)));
            } catch (DateTimeException e) {
                error(field, text, "日期不存在 / not a real calendar date");
                return null;
            }
            if (date.isAfter(today)) {
                error(field, text, "日期晚于今天 / the date is in the future");
                return null;
            }
            if (filingDate != null && date.isBefore(filingDate)) {
                error(field, text, "早于申请日 " + filingDate + " / earlier than the filing date " + filingDate);
                return null;
            }
            return date;
        }

        /**
         * The main IPC code and the list of codes (分类号). The main code comes first and appears once; without a
         * main-code column, the first code of the list is the main one, as the exports list it first.
         */
        IpcCodes ipcCodes() {
            Set<String> all = new LinkedHashSet<>();
            String mainText = text(MAIN_IPC);
            String main = null;
            if (mainText != null) {
                main = ipcSymbol(mainText);
                if (main == null) {
                    error(MAIN_IPC, mainText, NOT_IPC);
                } else {
                    all.add(main);
                }
            }
            String listText = text(IPC);
            if (listText != null) {
                List<String> refused = new ArrayList<>();
                for (String code : split(listText)) {
                    String symbol = ipcSymbol(code);
                    if (symbol == null) {
                        refused.add(code);
                    } else {
                        all.add(symbol);
                    }
                }
                if (!refused.isEmpty()) {
                    error(IPC, String.join(";", refused), NOT_IPC);
                }
            }
            if (mainText == null && !all.isEmpty()) {
                main = all.iterator().next();
            }
            return new IpcCodes(main, List.copyOf(all));
        }

        /**
         * The province as a 6-digit administrative code: 河南(41), 41 and 410000 give 410000 (a 6-digit code of a
         * city is reduced to its province). A foreign applicant's country, 美国(US), is no province: null.
         */
        String provinceCode() {
            String text = text(PROVINCE);
            if (text == null) {
                return null;
            }
            String folded = SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("");
            if (COUNTRY_IN_PARENTHESES.matcher(folded.toUpperCase(Locale.ROOT)).matches()) {
                return null;
            }
            Matcher inParentheses = PROVINCE_IN_PARENTHESES.matcher(folded);
            String digits = inParentheses.matches() ? inParentheses.group(1)
                    : PROVINCE_DIGITS.matcher(folded).matches() ? folded : null;
            if (digits == null || !PROVINCES.contains(digits.substring(0, 2))) {
                error(PROVINCE, text, "无法识别的国省代码，应如 河南(41)、41 或 410000"
                        + " / unknown province code: expected e.g. 河南(41), 41 or 410000");
                return null;
            }
            return digits.substring(0, 2) + "0000";
        }

        /** A count: a whole number, 0 or more; empty is 0. */
        int count(Field field) {
            String text = text(field);
            if (text == null) {
                return 0;
            }
            String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
            Matcher whole = WHOLE_NUMBER.matcher(folded);
            if (whole.matches()) {
                return Integer.parseInt(whole.group(1));
            }
            error(field, text, NEGATIVE_NUMBER.matcher(folded).matches() ? "不能为负数 / must not be negative"
                    : "应为非负整数 / must be a whole number, 0 or more");
            return 0;
        }

        /** 是/否, true/false, yes/no, 1/0; empty is no. */
        boolean yesNo(Field field) {
            String text = text(field);
            if (text == null) {
                return false;
            }
            String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
            if (YES.contains(folded)) {
                return true;
            }
            if (!NO.contains(folded)) {
                error(field, text, "应为 是 或 否 / must be yes or no");
            }
            return false;
        }

        /** A list cell (applicants, inventors), split on ; ； , ， and trimmed. */
        List<String> list(Field field) {
            String text = text(field);
            return text == null ? List.of() : split(text);
        }

        private void error(Field field, String value, String reason) {
            String column = columns.nameOf(field).orElseThrow();
            if (!tooLong.contains(column)) {
                errors.add(new RowError(rowNumber, column, value, reason));
            }
        }
    }

    private static List<String> split(String text) {
        return Arrays.stream(LIST_SEPARATOR.split(text)).map(String::strip).filter(part -> !part.isEmpty()).toList();
    }

    /** The canonical form of an IPC symbol (B64U20/80), or null if the text is none. */
    private static String ipcSymbol(String text) {
        String compact = SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("")
                .toUpperCase(Locale.ROOT);
        compact = IPC_VERSION.matcher(compact).replaceFirst("");
        Matcher matcher = IPC_SYMBOL.matcher(compact);
        if (!matcher.matches()) {
            return null;
        }
        // Leading zeros of the main group are padding (H04N 0005/225 = H04N 5/225); the subgroup keeps its digits.
        return matcher.group(1) + Integer.parseInt(matcher.group(2)) + "/" + matcher.group(3);
    }

    private static String english(PatentType type) {
        return type.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
