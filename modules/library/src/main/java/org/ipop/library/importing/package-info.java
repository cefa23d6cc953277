/**
 * Reading an institution's patent inventory (存量专利清单), as universities hand it over: the CSV or XLSX export of
 * a Chinese patent database with its original Chinese headers (申请号, 专利名称, 申请日, 主分类号 …), or a file
 * with the English headers of the platform's template.
 *
 * <p>{@link org.ipop.library.importing.InventoryReader} opens the file as an {@link org.ipop.tabular.TabularFile}
 * (which recognises the format and the encoding and streams the rows), resolves the header row
 * ({@link org.ipop.library.importing.InventoryColumns}) and then validates each row with
 * {@link org.ipop.library.importing.RowValidator} into an {@link org.ipop.library.importing.InventoryRow}: a
 * {@link org.ipop.library.PatentRecord}, or every {@link org.ipop.library.importing.RowError} of the row. A file
 * that cannot be an inventory is refused as a whole ({@link org.ipop.library.importing.InventoryRefused}) before
 * any row is read. {@link org.ipop.library.importing.ApplicationNumbers} normalises and checks CN application
 * numbers.
 *
 * <p>Messages are written for the person who prepared the file: Chinese first, then English.
 */
package org.ipop.library.importing;
