/** Reading enterprise lists (CSV in UTF-8 or GBK/GB18030, XLSX) row by row, with Chinese or English headers. */
package org.ipop.enterprises.importing;
