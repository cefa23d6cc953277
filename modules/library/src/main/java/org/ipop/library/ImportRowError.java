package org.ipop.library;

/** A refused cell of an import: the row as Excel numbers it, the column header as in the file, the value, why. */
public record ImportRowError(long row, String column, String value, String reason) {
}
