package org.ipop.library.importing;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ipop.kernel.FieldError;
import org.ipop.tabular.TabularFile;

/**
 * The columns of one inventory file: which header holds which {@link Field}, resolved once from the header row.
 *
 * <p>Headers are matched ignoring case, surrounding spaces, a UTF-8 byte order mark, full-width/half-width
 * differences and the difference between {@code _} and a space ({@code application_number} = {@code Application
 * Number}). A field is found under the Chinese header of the real database exports or an English alternative; if a
 * file carries two accepted headers of the same field (say {@code 申请号} and {@code application_number}), the one
 * listed first in {@link Field#headers()} is used and the other is kept as an extra column.
 *
 * <p>Each column gets a unique {@linkplain #names() name}: its header as written, or for a column without a header
 * its letter in brackets ({@code [AK]}), or for a repeated header that is not a field the header and its letter
 * ({@code 备注 [AK]}). A repeated header of a field is refused: which of the two holds the truth cannot be known.
 */
public final class InventoryColumns {

    /** The fields of {@link org.ipop.library.PatentRecord} an inventory column can fill. */
    public enum Field {
        APPLICATION_NUMBER(true, List.of("申请号", "专利申请号", "申请号码"),
                List.of("application_number", "application no", "application no.")),
        TITLE(true, List.of("专利名称", "发明名称", "名称", "标题"), List.of("title", "patent title")),
        ABSTRACT(false, List.of("申请摘要", "摘要"), List.of("abstract")),
        FIRST_CLAIM(false, List.of("主权项", "首项权利要求"), List.of("first_claim", "main claim")),
        APPLICANTS(false, List.of("申请人", "专利权人", "申请(专利权)人"), List.of("applicants", "applicant")),
        APPLICANT_TYPE(false, List.of("申请人类型", "专利权人类型"), List.of("applicant_type")),
        INVENTORS(false, List.of("发明人", "设计人", "发明(设计)人"), List.of("inventors", "inventor")),
        FILING_DATE(true, List.of("申请日", "申请日期"), List.of("filing_date", "application date")),
        PUBLICATION_DATE(false, List.of("公开日", "公开日期", "公开(公告)日"), List.of("publication_date")),
        GRANT_DATE(false, List.of("授权公告日", "授权日", "授权日期"), List.of("grant_date")),
        PUBLICATION_NUMBER(false, List.of("公开号", "公开(公告)号"), List.of("publication_number")),
        GRANT_NUMBER(false, List.of("授权公告号", "授权号"), List.of("grant_number")),
        PATENT_TYPE(true, List.of("专利类型", "专利种类"), List.of("patent_type", "type")),
        LEGAL_STATUS(false, List.of("法律状态", "当前法律状态"), List.of("legal_status")),
        MAIN_IPC(false, List.of("主分类号", "IPC主分类号"), List.of("main_ipc")),
        IPC(false, List.of("分类号", "IPC分类号", "IPC"), List.of("ipc", "ipc_codes")),
        PROVINCE(false, List.of("国省代码", "省份代码", "省份"), List.of("province", "province_code")),
        TRANSFERS(false, List.of("专利转移次数", "转让次数"), List.of("transfers")),
        LICENCES(false, List.of("许可次数"), List.of("licences", "licenses")),
        PLEDGES(false, List.of("质押次数"), List.of("pledges")),
        CITATIONS(false, List.of("引证数", "引证次数"), List.of("citations")),
        FAMILY_SIZE(false, List.of("简单同族数量", "同族数量"), List.of("family_size")),
        GOVERNMENT_FUNDED(false, List.of("政府资助", "是否政府资助"), List.of("government_funded")),
        FUNDING_PROGRAMME(false, List.of("资助项目", "资助项目名称"), List.of("funding_programme", "funding_program"));

        private final boolean required;
        private final List<String> chineseHeaders;
        private final List<String> englishHeaders;

        Field(boolean required, List<String> chineseHeaders, List<String> englishHeaders) {
            this.required = required;
            this.chineseHeaders = chineseHeaders;
            this.englishHeaders = englishHeaders;
        }

        /** Whether a file without this column is refused. */
        public boolean required() {
            return required;
        }

        /** The header of the Chinese database exports, e.g. 申请号. */
        public String chineseName() {
            return chineseHeaders.getFirst();
        }

        /** The English header of the platform's template, e.g. application_number. */
        public String englishName() {
            return englishHeaders.getFirst();
        }

        /** Every accepted header, in order of preference: the Chinese ones, then the English ones. */
        public List<String> headers() {
            return Stream.concat(chineseHeaders.stream(), englishHeaders.stream()).toList();
        }
    }

    /** Declared before the static block below, which uses it through {@link #key}. */
    private static final Pattern SPACES_AND_UNDERSCORES = Pattern.compile("[\\s_]+");

    /** Header key → field, for every accepted header. */
    private static final Map<String, Field> FIELDS_BY_KEY = new HashMap<>();

    static {
        for (Field field : Field.values()) {
            field.headers().forEach(header -> FIELDS_BY_KEY.put(key(header), field));
        }
    }

    /** Row numbers of the export (序号): they number the rows of one file and mean nothing once imported. */
    private static final Set<String> ROW_NUMBER_KEYS = Set.of(key("序号"), key("No."));

    private final List<String> names;
    private final Map<Field, String> nameByField;
    /** The columns that are not extra: the fields' and 序号. */
    private final Set<String> notExtra;
    private final boolean chinese;

    private InventoryColumns(List<String> names, Map<Field, String> nameByField, boolean chinese) {
        this.names = List.copyOf(names);
        this.nameByField = Collections.unmodifiableMap(nameByField);
        this.notExtra = names.stream()
                .filter(name -> nameByField.containsValue(name) || ROW_NUMBER_KEYS.contains(key(name)))
                .collect(Collectors.toUnmodifiableSet());
        this.chinese = chinese;
    }

    /**
     * Resolves the header row of a file.
     *
     * @throws InventoryRefused naming every missing required column (in the language of the file's headers) and
     *         every repeated header of a field
     */
    public static InventoryColumns resolve(List<String> headers, String fileName) {
        boolean chinese = headers.stream().anyMatch(InventoryColumns::containsHan);
        List<String> names = new ArrayList<>();
        Map<String, Integer> firstColumnByKey = new HashMap<>();
        Map<Field, String> nameByField = new EnumMap<>(Field.class);
        List<FieldError> errors = new ArrayList<>();
        for (int column = 0; column < headers.size(); column++) {
            String header = clean(headers.get(column));
            String letter = "[" + TabularFile.columnLetters(column) + "]";
            if (header.isEmpty()) {
                names.add(letter);
                continue;
            }
            String key = key(header);
            Field field = FIELDS_BY_KEY.get(key);
            Integer previous = firstColumnByKey.putIfAbsent(key, column);
            if (previous == null) {
                names.add(header);
                if (field != null) {
                    nameByField.merge(field, header,
                            (kept, other) -> preference(field, kept) <= preference(field, other) ? kept : other);
                }
                continue;
            }
            names.add(header + " " + letter);
            if (field != null) {
                String columns = TabularFile.columnLetters(previous) + ", " + TabularFile.columnLetters(column);
                errors.add(new FieldError(fileName + ": " + header, null, "列名重复（第 " + columns
                        + " 列），无法判断哪一列有效 / the column appears twice (columns " + columns
                        + "): which one holds the data is unclear"));
            }
        }
        for (Field field : Field.values()) {
            if (field.required() && !nameByField.containsKey(field)) {
                String name = chinese ? field.chineseName() : field.englishName();
                errors.add(new FieldError(fileName + ": " + name, null, "缺少必填列，可用的列名：" + String.join("、",
                        field.headers()) + " / required column missing, accepted headers: " + String.join(", ",
                        field.headers())));
            }
        }
        if (!errors.isEmpty()) {
            throw new InventoryRefused(errors);
        }
        return new InventoryColumns(names, nameByField, chinese);
    }

    /** One unique name per column, in file order; rows are maps from these names to values. */
    public List<String> names() {
        return names;
    }

    /** The name of the column holding a field, if the file has one. */
    public Optional<String> nameOf(Field field) {
        return Optional.ofNullable(nameByField.get(field));
    }

    /** Whether a column is kept in {@link org.ipop.library.PatentRecord#extra()}: neither a field nor 序号. */
    public boolean isExtra(String name) {
        return !notExtra.contains(name);
    }

    /** Whether the headers are Chinese (any of them contains a Chinese character); messages name columns so. */
    public boolean chineseHeaders() {
        return chinese;
    }

    /** A header as it is shown: without a byte order mark and surrounding spaces. */
    static String clean(String header) {
        return header == null ? "" : header.replace("\uFEFF", "").strip();
    }

    /** The form in which headers are compared: NFKC (full-width → half-width), lower case, {@code _} = space. */
    static String key(String header) {
        String folded = Normalizer.normalize(clean(header), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return SPACES_AND_UNDERSCORES.matcher(folded).replaceAll(" ");
    }

    private static int preference(Field field, String header) {
        List<String> keys = field.headers().stream().map(InventoryColumns::key).toList();
        return keys.indexOf(key(header));
    }

    private static boolean containsHan(String text) {
        return text != null && text.codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
