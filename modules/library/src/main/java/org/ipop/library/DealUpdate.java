package org.ipop.library;

/**
 * An operator's statement of a patent's deal status: {@code AVAILABLE}, {@code TRANSFERRED} or
 * {@code EXCLUSIVE_LICENCE}, with a note (required unless available: to whom, contract, until when).
 */
public record DealUpdate(String status, String note) {
}
