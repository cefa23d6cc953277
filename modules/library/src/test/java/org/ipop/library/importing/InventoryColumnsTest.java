package org.ipop.library.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.ipop.kernel.FieldError;
import org.ipop.library.importing.InventoryColumns.Field;
import org.junit.jupiter.api.Test;

class InventoryColumnsTest {

    @Test
    void headersMatchIgnoringCaseSpacesBomWidthAndUnderscores() {
        InventoryColumns columns = InventoryColumns.resolve(
                List.of("\uFEFFApplication Number", " TITLE ", "ｆｉｌｉｎｇ＿ｄａｔｅ", "Patent_Type", "主分类号 "), "a.csv");
        assertEquals(Optional.of("Application Number"), columns.nameOf(Field.APPLICATION_NUMBER));
        assertEquals(Optional.of("TITLE"), columns.nameOf(Field.TITLE));
        assertEquals(Optional.of("ｆｉｌｉｎｇ＿ｄａｔｅ"), columns.nameOf(Field.FILING_DATE));
        assertEquals(Optional.of("Patent_Type"), columns.nameOf(Field.PATENT_TYPE));
        assertEquals(Optional.of("主分类号"), columns.nameOf(Field.MAIN_IPC));
        assertEquals(Optional.empty(), columns.nameOf(Field.IPC));
    }

    @Test
    void fullWidthParenthesesOfChineseHeadersMatch() {
        InventoryColumns columns = InventoryColumns.resolve(
                List.of("申请号", "专利名称", "申请日", "专利类型", "公开（公告）号"), "a.csv");
        assertEquals(Optional.of("公开（公告）号"), columns.nameOf(Field.PUBLICATION_NUMBER));
    }

    @Test
    void missingRequiredColumnsAreNamedInChineseForAChineseFile() {
        var refused = assertThrows(InventoryRefused.class,
                () -> InventoryColumns.resolve(List.of("序号", "专利名称", "申请日", "发明人"), "清单.csv"));
        assertEquals(List.of("清单.csv: 申请号", "清单.csv: 专利类型"),
                refused.errors().stream().map(FieldError::field).toList());
        assertTrue(refused.errors().getFirst().reason().startsWith("缺少必填列"));
    }

    @Test
    void missingRequiredColumnsAreNamedInEnglishForAnEnglishFile() {
        var refused = assertThrows(InventoryRefused.class,
                () -> InventoryColumns.resolve(List.of("title", "abstract", "inventors"), "list.csv"));
        assertEquals(List.of("list.csv: application_number", "list.csv: filing_date", "list.csv: patent_type"),
                refused.errors().stream().map(FieldError::field).toList());
        assertTrue(refused.getMessage().contains("required column missing"));
    }

    @Test
    void aFieldsHeaderTwiceIsRefused() {
        var refused = assertThrows(InventoryRefused.class, () -> InventoryColumns.resolve(
                List.of("申请号", "专利名称", "申请日", "专利类型", "申请号"), "a.csv"));
        assertEquals("a.csv: 申请号", refused.errors().getFirst().field());
        assertTrue(refused.errors().getFirst().reason().contains("columns A, E"), refused.getMessage());
    }

    @Test
    void anExtraHeaderTwiceAndColumnsWithoutHeaderAreNamedByTheirLetter() {
        InventoryColumns columns = InventoryColumns.resolve(
                List.of("申请号", "备注", "专利名称", "申请日", "专利类型", "备注", ""), "a.csv");
        assertEquals(List.of("申请号", "备注", "专利名称", "申请日", "专利类型", "备注 [F]", "[G]"), columns.names());
    }

    @Test
    void ofTwoHeadersOfOneFieldThePreferredOneIsUsedAndTheOtherIsExtra() {
        InventoryColumns columns = InventoryColumns.resolve(
                List.of("application_number", "申请号", "专利名称", "申请日", "专利类型"), "a.csv");
        assertEquals(Optional.of("申请号"), columns.nameOf(Field.APPLICATION_NUMBER));
        assertTrue(columns.isExtra("application_number"));
        assertFalse(columns.isExtra("申请号"));
    }

    @Test
    void theRowNumberColumnIsNeitherAFieldNorExtra() {
        InventoryColumns columns = InventoryColumns.resolve(
                List.of("序号", "申请号", "专利名称", "申请日", "专利类型", "申请人地址"), "a.csv");
        assertFalse(columns.isExtra("序号"));
        assertTrue(columns.isExtra("申请人地址"));
    }

    @Test
    void everyFieldHasAChineseAndAnEnglishHeader() {
        for (Field field : Field.values()) {
            assertTrue(field.chineseName().codePoints().anyMatch(c -> c > 0x3000), field + " " + field.chineseName());
            assertTrue(field.englishName().matches("[a-z_]+"), field + " " + field.englishName());
        }
    }
}
