/**
 * The patent resource library (存量专利盘点 → 筛选入库 → 分层): universities' stock patents imported from their
 * inventories, tagged by industry segment from their IPC codes, screened (self-assessed by the institution,
 * reviewed by an operator), and searchable in Chinese. Module id {@code resource-library}.
 */
package org.ipop.library;
