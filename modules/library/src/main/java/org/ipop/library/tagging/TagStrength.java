package org.ipop.library.tagging;

/**
 * How firmly a patent belongs to a branch, strongest first (so the natural order sorts the strong tags first).
 *
 * <p>The tables map IPC codes to branches, but many codes are shared by several branches; the rule's keyword column
 * says which subject the branch means. A rule whose IPC range matches and one of whose keywords appears in the
 * patent's text is {@link #KEYWORD_CONFIRMED}. Green-technology rules marked 全部涉及 ("every patent under the code
 * is green technology") have no keywords and need none: the table itself confirms them, so they are
 * {@link #KEYWORD_CONFIRMED} too, with no keyword in the evidence. Everything else that matched by code only —
 * rules without keywords (SEI rows with an empty keyword column, 新三样 {@code ipc_only} rows, green-tech 部分涉及
 * rows) and rules whose keywords are absent from the text — is {@link #IPC_ONLY}.
 */
public enum TagStrength {
    KEYWORD_CONFIRMED,
    IPC_ONLY
}
