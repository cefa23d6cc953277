package org.ipop.library.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ipop.library.ApplicantType;
import org.ipop.library.PatentRecord;
import org.ipop.library.PatentType;
import org.ipop.tabular.ErrorReport;
import org.ipop.tabular.TabularRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RowValidatorTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** "Today" for these tests: 1 January 2025 in China. */
    private static final Clock NEW_YEAR_2025 = Clock.fixed(
            LocalDate.of(2025, 1, 1).atStartOfDay(CHINA).toInstant(), CHINA);

    private static final InventoryColumns COLUMNS = InventoryColumns.resolve(List.of("序号", "申请号", "专利名称",
            "专利类型", "申请日", "公开日", "授权公告日", "申请人", "发明人", "主分类号", "分类号", "国省代码", "申请人类型",
            "专利转移次数", "许可次数", "质押次数", "引证数", "简单同族数量", "政府资助", "资助项目", "法律状态", "申请人地址",
            "审查员"), "清单.csv");

    private final RowValidator validator = new RowValidator(COLUMNS, NEW_YEAR_2025);

    /** The first row of the real export (abridged), which is valid. */
    private static Map<String, String> goodRow() {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("序号", "1");
        row.put("申请号", "CN202223220665.2");
        row.put("专利名称", "一种无人机机载多功能盒");
        row.put("专利类型", "实用新型");
        row.put("申请日", "20221202");
        row.put("公开日", "20230328");
        row.put("授权公告日", "20230328");
        row.put("申请人", "中科大数据研究院");
        row.put("发明人", "刘迪;刘敏;王煜伟;付艳波;王元卓");
        row.put("主分类号", "B64U20/80");
        row.put("分类号", "B64U20/80;B64U101/30");
        row.put("国省代码", "河南(41)");
        row.put("申请人类型", "科研机构");
        row.put("专利转移次数", "0");
        row.put("许可次数", "0");
        row.put("质押次数", "0");
        row.put("引证数", "0");
        row.put("简单同族数量", "");
        row.put("政府资助", "");
        row.put("资助项目", "");
        row.put("法律状态", "有权-审定授权");
        row.put("申请人地址", "450000河南省郑州市郑东新区中道东路6号创意岛大厦8层");
        row.put("审查员", "");
        return row;
    }

    private InventoryRow validate(String... changes) {
        Map<String, String> row = goodRow();
        for (int i = 0; i < changes.length; i += 2) {
            row.put(changes[i], changes[i + 1]);
        }
        return validator.validate(7, row);
    }

    private PatentRecord valid(String... changes) {
        return assertInstanceOf(InventoryRow.Valid.class, validate(changes)).record();
    }

    private List<RowError> errors(String... changes) {
        return assertInstanceOf(InventoryRow.Invalid.class, validate(changes)).errors();
    }

    private RowError onlyError(String... changes) {
        List<RowError> errors = errors(changes);
        assertEquals(1, errors.size(), errors.toString());
        return errors.getFirst();
    }

    @Test
    void aGoodRowBecomesARecord() {
        PatentRecord record = valid();
        assertEquals("CN202223220665.2", record.applicationNumber());
        assertEquals(PatentType.UTILITY_MODEL, record.type());
        assertEquals("一种无人机机载多功能盒", record.title());
        assertEquals(LocalDate.of(2022, 12, 2), record.filingDate());
        assertEquals(LocalDate.of(2023, 3, 28), record.publicationDate());
        assertEquals(LocalDate.of(2023, 3, 28), record.grantDate());
        assertEquals(List.of("中科大数据研究院"), record.applicants());
        assertEquals(List.of("刘迪", "刘敏", "王煜伟", "付艳波", "王元卓"), record.inventors());
        assertEquals(ApplicantType.RESEARCH_INSTITUTE, record.applicantType());
        assertEquals("B64U20/80", record.mainIpc());
        assertEquals(List.of("B64U20/80", "B64U101/30"), record.ipcCodes());
        assertEquals("410000", record.provinceCode());
        assertEquals("有权-审定授权", record.legalStatus());
        assertEquals(0, record.familySize());
        assertFalse(record.governmentFunded());
        assertNull(record.fundingProgramme());
        assertNull(record.abstractText());
    }

    @Test
    void extraKeepsTheOtherNonEmptyColumnsButNotTheRowNumber() {
        assertEquals(Map.of("申请人地址", "450000河南省郑州市郑东新区中道东路6号创意岛大厦8层"), valid().extra());
    }

    @Test
    void everyValueIsTrimmed() {
        PatentRecord record = valid("专利名称", "  一种无人机机载多功能盒\u3000", "申请号", " CN202223220665.2 ");
        assertEquals("一种无人机机载多功能盒", record.title());
        assertEquals("CN202223220665.2", record.applicationNumber());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-", "--", "无", "N/A", "n/a", " － "})
    void placeholdersCountAsEmpty(String placeholder) {
        PatentRecord record = valid("法律状态", placeholder, "专利转移次数", placeholder, "公开日", placeholder);
        assertNull(record.legalStatus());
        assertEquals(0, record.transfers());
        assertNull(record.publicationDate());
    }

    @Test
    void theApplicationNumberIsNormalised() {
        assertEquals("CN202223220665.2", valid("申请号", "2022232206652").applicationNumber());
    }

    @Test
    void aBadCheckDigitIsReportedWithRowColumnValueAndReason() {
        assertEquals(new RowError(7, "申请号", "CN202223220665.3", "校验位应为 2 / check digit should be 2"),
                onlyError("申请号", "CN202223220665.3"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"申请号", "专利名称", "申请日", "专利类型"})
    void requiredFieldsMustNotBeBlank(String column) {
        assertEquals(new RowError(7, column, null, "必填 / required"), onlyError(column, "  "));
    }

    @Test
    void aFilingDateOfZeroIsMissing() {
        assertEquals(new RowError(7, "申请日", "0", "必填 / required"), onlyError("申请日", "0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"20221202", "2022-12-02", "2022/12/02", "2022.12.02", "2022/12/2", "2022年12月2日",
            "2022-12-02 00:00:00", "２０２２１２０２"})
    void datesAreReadInTheUsualForms(String date) {
        assertEquals(LocalDate.of(2022, 12, 2), valid("申请日", date).filingDate());
    }

    @Test
    void anOptionalDateOfZeroIsNoDate() {
        PatentRecord record = valid("授权公告日", "0");
        assertNull(record.grantDate());
    }

    @Test
    void aDateThatIsNoCalendarDayIsRefused() {
        assertEquals(new RowError(7, "申请日", "20221332", "日期不存在 / not a real calendar date"),
                onlyError("申请日", "20221332"));
        assertEquals("日期不存在 / not a real calendar date", onlyError("公开日", "20230229").reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2022-1202", "22-12-02", "December 2, 2022", "2022120", "2022-12/02"})
    void aDateInAnotherFormIsRefused(String date) {
        assertTrue(onlyError("申请日", date).reason().contains("expected a date as YYYYMMDD"));
    }

    @Test
    void aDateInTheFutureIsRefused() {
        assertEquals(new RowError(7, "授权公告日", "20250102", "日期晚于今天 / the date is in the future"),
                onlyError("授权公告日", "20250102"));
    }

    @Test
    void publicationAndGrantCannotPrecedeFiling() {
        List<RowError> errors = errors("公开日", "20221201", "授权公告日", "2021-01-01");
        assertEquals(List.of("公开日", "授权公告日"), errors.stream().map(RowError::column).toList());
        assertEquals("早于申请日 2022-12-02 / earlier than the filing date 2022-12-02", errors.getFirst().reason());
    }

    @ParameterizedTest
    @CsvSource({"发明公开;发明授权, INVENTION", "发明专利, INVENTION", "外观设计, DESIGN", "utility model, UTILITY_MODEL"})
    void patentTypesAreReadAsTheExportsWriteThem(String text, PatentType type) {
        String number = switch (type) {
            case INVENTION -> "CN202211740332.4";
            case UTILITY_MODEL -> "CN202223220665.2";
            case DESIGN -> "CN202130012345.X";
        };
        assertEquals(type, valid("专利类型", text, "申请号", number).type());
    }

    @Test
    void anUnknownPatentTypeIsRefused() {
        RowError error = onlyError("专利类型", "商标");
        assertEquals("专利类型", error.column());
        assertEquals("商标", error.value());
        assertTrue(error.reason().startsWith("未知专利类型"));
    }

    @Test
    void aPatentTypeContradictingTheApplicationNumberIsRefused() {
        // The 5th digit, 2, of CN202223220665.2 denotes a utility model.
        assertEquals(new RowError(7, "专利类型", "发明", "与申请号不符：申请号 CN202223220665.2 表示实用新型"
                + " / contradicts the application number, which denotes a utility model"), onlyError("专利类型", "发明"));
    }

    @Test
    void ipcCodesAreCanonicalWithTheMainCodeFirstAndOnce() {
        PatentRecord record = valid("主分类号", "H04N 5/225", "分类号", "H04N7/18；h04n 5/225，G07C 1/20(2006.01); ");
        assertEquals("H04N5/225", record.mainIpc());
        assertEquals(List.of("H04N5/225", "H04N7/18", "G07C1/20"), record.ipcCodes());
    }

    @Test
    void theMainCodeMissingFromTheListIsPutFirst() {
        assertEquals(List.of("G06F40/289", "B64U20/80", "B64U101/30"), valid("主分类号", "G06F40/289").ipcCodes());
    }

    @Test
    void withoutAMainCodeTheFirstOfTheListIsTheMainOne() {
        PatentRecord record = valid("主分类号", "");
        assertEquals("B64U20/80", record.mainIpc());
        assertEquals(List.of("B64U20/80", "B64U101/30"), record.ipcCodes());
    }

    @Test
    void aBadMainIpcIsRefused() {
        assertEquals(new RowError(7, "主分类号", "B64U", "不是 IPC 分类号（例如 B64U 20/80）/ not an IPC code (e.g. B64U 20/80)"),
                onlyError("主分类号", "B64U"));
    }

    @Test
    void onlyTheBadCodesOfTheIpcListAreReported() {
        RowError error = onlyError("分类号", "B64U20/80;X64U1/30;G06F16/;G06F16/901");
        assertEquals("分类号", error.column());
        assertEquals("X64U1/30;G06F16/", error.value());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"河南(41) | 410000", "河南（41） | 410000", "41 | 410000", "410000 | 410000",
            "410100 | 410000", "香港(81) | 810000"})
    void provinceCodesBecomeSixDigits(String text, String code) {
        assertEquals(code, valid("国省代码", text).provinceCode());
    }

    @Test
    void aForeignApplicantsCountryIsNoProvince() {
        assertNull(valid("国省代码", "美国(US)").provinceCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"河南", "(41)x", "99", "4100", "火星(99)"})
    void anUnknownProvinceCodeIsRefused(String text) {
        assertEquals("国省代码", onlyError("国省代码", text).column());
    }

    @Test
    void countsAreWholeNumbersAndEmptyIsZero() {
        PatentRecord record = valid("专利转移次数", "3", "许可次数", "２", "质押次数", "1.0", "引证数", "", "简单同族数量", "4");
        assertEquals(List.of(3, 2, 1, 0, 4), List.of(record.transfers(), record.licences(), record.pledges(),
                record.citations(), record.familySize()));
    }

    @Test
    void aNegativeCountIsRefused() {
        assertEquals(new RowError(7, "许可次数", "-1", "不能为负数 / must not be negative"), onlyError("许可次数", "-1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "three", "9999999999"})
    void aCountThatIsNoWholeNumberIsRefused(String text) {
        assertEquals("应为非负整数 / must be a whole number, 0 or more", onlyError("引证数", text).reason());
    }

    @ParameterizedTest
    @CsvSource({"是, true", "否, false", "TRUE, true", "false, false", "1, true", "0, false", "Yes, true", "no, false",
            "无, false"})
    void governmentFundingIsYesOrNo(String text, boolean funded) {
        assertEquals(funded, valid("政府资助", text, "资助项目", "国家重点研发计划").governmentFunded());
    }

    @Test
    void governmentFundingOtherThanYesOrNoIsRefused() {
        assertEquals("应为 是 或 否 / must be yes or no", onlyError("政府资助", "也许").reason());
    }

    @Test
    void applicantsAndInventorsAreSplitOnEveryUsualSeparator() {
        PatentRecord record = valid("申请人", "甲大学； 乙公司,丙研究所，", "发明人", "张三;李四 ，王五");
        assertEquals(List.of("甲大学", "乙公司", "丙研究所"), record.applicants());
        assertEquals(List.of("张三", "李四", "王五"), record.inventors());
    }

    @Test
    void aRowWithSeveralFaultsReportsAllOfThemInColumnOrder() {
        List<RowError> errors = errors("申请号", "CN202223220665.3", "专利名称", "", "申请日", "20221332",
                "公开日", "20990101", "专利类型", "商标", "分类号", "B64U20/80;bad", "许可次数", "-2", "国省代码", "火星");
        assertEquals(List.of("申请号", "专利名称", "专利类型", "申请日", "公开日", "分类号", "国省代码", "许可次数"),
                errors.stream().map(RowError::column).toList());
        assertTrue(errors.stream().allMatch(error -> error.rowNumber() == 7));
    }

    @Test
    void anInvalidRowKeepsTheRowAsRead() {
        Map<String, String> row = goodRow();
        row.put("申请日", "20221332");
        var invalid = assertInstanceOf(InventoryRow.Invalid.class, validator.validate(3, row));
        assertEquals(row, invalid.raw());
        assertEquals(List.copyOf(row.keySet()), List.copyOf(invalid.raw().keySet()));
    }

    @Test
    void aCellLongerThanACellHoldsIsRefusedWithItsLengthAndTheOtherFaultsAreStillReported() {
        String claim = "一种无人机机载多功能盒，其特征在于".repeat(2_000); // 34,000 characters
        List<RowError> errors = errors("申请人地址", claim, "申请日", "20221332");
        assertEquals(List.of("申请日", "申请人地址"), errors.stream().map(RowError::column).toList(),
                "the cell, not also the row");
        RowError tooLong = errors.get(1);
        assertEquals("共 34,000 个字符，超过单元格上限 32,767 / 34,000 characters, more than a cell holds (32,767)",
                tooLong.reason());
        assertEquals(claim.substring(0, ErrorReport.VALUE_SHOWN) + "…", tooLong.value(), "the value is shown cut");
    }

    @Test
    void aTooLongCellGetsNoSecondErrorForTheSameColumnNorOneForTheRow() {
        List<RowError> errors = errors("申请日", "2".repeat(RowValidator.MAX_ROW_CHARS + 1));
        assertEquals(1, errors.size());
        assertEquals("申请日", errors.getFirst().column());
        assertTrue(errors.getFirst().reason().contains("1,000,001"), errors.getFirst().reason());
    }

    @Test
    void aCellOfExactlyTheLimitIsKept() {
        String address = "地".repeat(TabularRow.MAX_CELL_CHARS);
        assertEquals(address, valid("申请人地址", address).extra().get("申请人地址"));
    }

    @Test
    void aRowLongerThanTheLimitInAllIsRefusedAsAWhole() {
        List<String> headers = new java.util.ArrayList<>(List.of("申请号", "专利名称", "专利类型", "申请日"));
        Map<String, String> row = new LinkedHashMap<>(Map.of("申请号", "CN202223220665.2", "专利名称", "一种无人机机载多功能盒",
                "专利类型", "实用新型", "申请日", "20221202"));
        for (int i = 1; i <= 31; i++) { // 31 full cells: 1,015,777 characters
            headers.add("备注" + i);
            row.put("备注" + i, "注".repeat(TabularRow.MAX_CELL_CHARS));
        }
        RowValidator wide = new RowValidator(InventoryColumns.resolve(headers, "清单.csv"), NEW_YEAR_2025);
        var invalid = assertInstanceOf(InventoryRow.Invalid.class, wide.validate(2, row));
        assertEquals(1, invalid.errors().size());
        RowError error = invalid.errors().getFirst();
        assertEquals(RowValidator.WHOLE_ROW, error.column());
        assertNull(error.value());
        assertTrue(error.reason().contains("1,015,8"), error.reason()); // the numbers and titles count too

        row.remove("备注31"); // about 983,000 characters: kept
        assertInstanceOf(InventoryRow.Valid.class, wide.validate(2, row));
    }
}
