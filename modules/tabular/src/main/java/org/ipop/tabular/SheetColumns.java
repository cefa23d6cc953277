package org.ipop.tabular;

/** Spreadsheet column letters (A, B, … Z, AA, AB …), as users see them and as XLSX cell references write them. */
final class SheetColumns {

    private SheetColumns() {
    }

    /** The letters of a zero-based column index: 0 → A, 25 → Z, 26 → AA. */
    static String letters(int index) {
        StringBuilder letters = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }

    /** The zero-based column index of a cell reference such as {@code AK12}: its leading letters. */
    static int index(String cellReference) {
        int index = 0;
        for (int i = 0; i < cellReference.length() && Character.isLetter(cellReference.charAt(i)); i++) {
            index = index * 26 + (Character.toUpperCase(cellReference.charAt(i)) - 'A' + 1);
        }
        return index - 1;
    }
}
