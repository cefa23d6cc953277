/**
 * The library's collections in each tenant database: {@code patents} (one document per application number, with its
 * screening history and the changes re-imports made), {@code import_jobs} and {@code import_errors}, and the
 * uploaded inventory files as 1 MiB chunks in {@code upload_chunks} (kept so that an interrupted import can resume).
 */
package org.ipop.library.persistence;
