/**
 * International Patent Classification (IPC) symbols as values: {@link org.ipop.library.ipc.IpcCode} parses the
 * spellings found in patent-database exports ({@code H04N5/225}, {@code H04N 5/225 (2006.01)}, full-width
 * {@code Ｈ０４Ｎ５／２２５}, {@code ;}-separated lists) into one canonical form, and
 * {@link org.ipop.library.ipc.IpcPattern} reads the code ranges of the CNIPA concordance tables ({@code B60L8*},
 * {@code E02D17/20*}, {@code G06F9/44}) and tests codes against them field by field — never by string prefix, so that
 * {@code B60L8*} does not swallow {@code B60L80/00}.
 */
package org.ipop.library.ipc;
