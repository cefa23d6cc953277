/**
 * Reading tables that users upload — CSV text or XLSX workbooks, as Chinese institutions export them from their
 * databases and from Excel — one row at a time, whatever the file's size.
 *
 * <p>{@link org.ipop.tabular.TabularFile} recognises the format and the encoding by content, reads the header row
 * and then streams the data rows ({@link org.ipop.tabular.TabularRow}, numbered as Excel shows them). A file that
 * cannot be a table is refused ({@link org.ipop.tabular.TabularFileRefused}) with a message for the person who
 * prepared it, Chinese first, then English. What the columns mean is the caller's business (the library's patent
 * inventories, for instance).
 *
 * <p>Everything else in this package is internal (package-private).
 */
package org.ipop.tabular;
